package org.viche.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Resolves a bearer secret to its token row on every request: a revoked token stops working
 * at once, on every instance, because nothing is cached.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    ApiTokenRepository tokens;

    @Inject
    TokenUse use;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        return context.runBlocking(() -> identityFor(secret));
    }

    private SecurityIdentity identityFor(String secret) {
        ApiToken token = QuarkusTransaction.requiringNew()
                .call(() -> tokens.findBySecretHash(TokenSecrets.hash(secret)).orElse(null));
        if (token == null || !token.isUsableAt(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new AuthenticationFailedException("Unknown, revoked or expired token");
        }
        use.record(token.id);
        return identityOf(token);
    }

    /**
     * The identity a usable token stands for, also used by the console's sessions, so that roles
     * and the audit log's actor are the same whichever way the token was presented.
     */
    public static SecurityIdentity identityOf(ApiToken token) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(token.name))
                .addRole(token.role)
                .addAttribute(CallerAttributes.TOKEN_ID, token.id)
                .addAttribute(CallerAttributes.SURVEYS, Set.of(token.surveys))
                .build();
    }
}
