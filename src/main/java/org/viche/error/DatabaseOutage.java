package org.viche.error;

import java.sql.SQLException;

/**
 * Tells a failure caused by the database being unreachable (down, restarting, refusing
 * connections, the pool unable to get one) from any other: that is a 503 with Retry-After —
 * try again soon, nothing is wrong with the request — not a 500.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            // Agroal's own refusal when no connection can be had in time
            return e.getMessage() != null && e.getMessage().toLowerCase().contains("acquisition timeout");
        }
        return state.startsWith("08") // connection exception: refused, broken, lost
                || state.startsWith("57P") // admin shutdown, crash shutdown, cannot connect now
                || state.equals("55000") // the database is not currently accepting connections
                || state.equals("3D000") // the database does not exist (yet, or any more)
                || state.equals("53300"); // too many connections
    }
}
