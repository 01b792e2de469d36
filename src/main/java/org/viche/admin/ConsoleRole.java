package org.viche.admin;

import java.util.Locale;

/**
 * A console reader's role as its label is chosen: one constant per role a token can hold, so
 * that {@link ConsoleMessages#admin_role(ConsoleRole)} has a text for each or the build fails.
 */
public enum ConsoleRole {
    ADMIN, RESEARCHER, PARTNER;

    /** The role of a token ({@code admin}, {@code researcher}, {@code partner}; see Roles). */
    static ConsoleRole of(String role) {
        return valueOf(role.toUpperCase(Locale.ROOT));
    }
}
