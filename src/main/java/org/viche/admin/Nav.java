package org.viche.admin;

/**
 * The console's frame around a page: who is signed in, which section is current, and the
 * language every console link and form keeps ({@code ?lang=}).
 */
public record Nav(String lang, Staff staff, String section) {

    /** {@code path?lang=…}: every console address keeps the reader's language. */
    public String href(String path) {
        return path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    /** A survey's console address: {@code /admin/surveys/<slug><suffix>?lang=…}. */
    public String survey(String slug, String suffix) {
        return href("/admin/surveys/" + slug + suffix);
    }

    public String surveyAction(String slug, String action) {
        return survey(slug, "/" + action);
    }

    public String builder(String slug) {
        return href("/admin/builder/" + slug);
    }

    public String revoke(String tokenId) {
        return href("/admin/tokens/" + tokenId + "/revoke");
    }

    public boolean signedIn() {
        return staff != null;
    }

    public boolean admin() {
        return staff != null && staff.admin();
    }

    public boolean current(String name) {
        return name.equals(section);
    }
}
