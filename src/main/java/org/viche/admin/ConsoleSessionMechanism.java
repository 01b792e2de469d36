package org.viche.admin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.viche.security.TokenIdentityProvider;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the console's session cookie, only under {@code /admin}: the API keeps bearer tokens
 * alone, so a signed-in browser can never be made to call it. An unknown or expired session is
 * an anonymous caller, whom the console sends to its sign-in page. The identity is the token's
 * own, so roles and the audit log's actor are exactly those of the API.
 */
@ApplicationScoped
public class ConsoleSessionMechanism implements HttpAuthenticationMechanism {

    static final String COOKIE = "viche-admin";
    static final String PATH = "/admin";

    static final class SessionRequest extends BaseAuthenticationRequest {
        final String sessionId;

        SessionRequest(String sessionId) {
            this.sessionId = sessionId;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        Cookie cookie = context.request().getCookie(COOKIE);
        if (cookie == null || !(path.equals(PATH) || path.startsWith(PATH + "/"))) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new SessionRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Challenges stay the bearer mechanism's (401 with WWW-Authenticate: Bearer on /api). */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 500;
    }

    @ApplicationScoped
    static class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

        @Inject
        ConsoleSessions sessions;

        @Override
        public Class<SessionRequest> getRequestType() {
            return SessionRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.resume(request.sessionId).map(TokenIdentityProvider::identityOf)
                    .orElseThrow(() -> new AuthenticationFailedException("No live console session")));
        }
    }
}
