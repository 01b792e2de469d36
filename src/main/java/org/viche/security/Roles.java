package org.viche.security;

import java.util.Set;

/** The three roles a bearer token can carry (api.md). */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String RESEARCHER = "researcher";
    public static final String PARTNER = "partner";

    public static final Set<String> ALL = Set.of(ADMIN, RESEARCHER, PARTNER);

    private Roles() {
    }
}
