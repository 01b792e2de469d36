package org.viche.admin;

/** Thrown when a console page is asked for by nobody signed in, or by a role that may not see it. */
class ConsoleRefusal extends RuntimeException {

    enum Kind { SIGN_IN, FORBIDDEN }

    final Kind kind;

    ConsoleRefusal(Kind kind) {
        super(kind.name(), null, false, false);
        this.kind = kind;
    }
}
