package org.viche.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;

/** What a resource may ask of the authenticated caller, without digging into attribute maps. */
public final class CallerAttributes {

    static final String TOKEN_ID = "viche.tokenId";
    static final String SURVEYS = "viche.surveys";

    private CallerAttributes() {
    }

    public static Optional<UUID> tokenId(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Optional.empty()
                : Optional.ofNullable(identity.getAttribute(TOKEN_ID));
    }

    public static Set<String> surveys(SecurityIdentity identity) {
        Set<String> surveys = identity == null ? null : identity.getAttribute(SURVEYS);
        return surveys == null ? Set.of() : surveys;
    }

    public static boolean isAdmin(SecurityIdentity identity) {
        return identity != null && identity.hasRole(Roles.ADMIN);
    }

    public static boolean isResearcher(SecurityIdentity identity) {
        return identity != null && identity.hasRole(Roles.RESEARCHER);
    }

    public static boolean isPartner(SecurityIdentity identity) {
        return identity != null && identity.hasRole(Roles.PARTNER);
    }
}
