package org.viche.admin;

/** Who is signed in to the console: the token's name and role. */
public record Staff(String name, String role) {

    public boolean admin() {
        return org.viche.security.Roles.ADMIN.equals(role);
    }

    /** The role as the console labels it ({@code {console:admin_role(staff.consoleRole)}}). */
    public ConsoleRole consoleRole() {
        return ConsoleRole.of(role);
    }
}
