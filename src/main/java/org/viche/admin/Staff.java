package org.viche.admin;

/** Who is signed in to the console: the token's name and role. */
public record Staff(String name, String role) {

    public boolean admin() {
        return org.viche.security.Roles.ADMIN.equals(role);
    }

    /** The message key naming the role in the reader's language. */
    public String roleKey() {
        return "admin.role." + role;
    }
}
