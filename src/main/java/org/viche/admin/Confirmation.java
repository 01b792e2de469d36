package org.viche.admin;

/** What the page asking to open or close a survey says: what becomes fixed, and its button. */
public record Confirmation(String title, String fixedTitle, String fixed1, String fixed2, String fixed3, String button) {

    /** For {@code open} or {@code close}, the only actions the confirm path admits. */
    static Confirmation of(String action, ConsoleMessages msg) {
        return switch (action) {
            case "open" -> new Confirmation(msg.admin_open_title(), msg.admin_open_fixedTitle(), msg.admin_open_fixed1(),
                    msg.admin_open_fixed2(), msg.admin_open_fixed3(), msg.admin_open_confirm());
            case "close" -> new Confirmation(msg.admin_close_title(), msg.admin_close_fixedTitle(), msg.admin_close_fixed1(),
                    msg.admin_close_fixed2(), msg.admin_close_fixed3(), msg.admin_close_confirm());
            default -> throw new IllegalArgumentException("No confirmation for " + action);
        };
    }
}
