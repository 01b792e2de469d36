package org.viche.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
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
 * Resolves a bearer secret to its token row. A usable token is then believed for a second
 * ({@link TokenCache}): a revoked token stops working on the revoking instance at once and
 * on every other within that second.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    ApiTokenRepository tokens;

    @Inject
    TokenCache cache;

    @Inject
    TokenUse use;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] hash = TokenSecrets.hash(request.getToken().getToken());
        String key = HexFormat.of().formatHex(hash);
        Optional<SecurityIdentity> recent = cache.recent(key);
        if (recent.isPresent()) {
            return Uni.createFrom().item(recent.get());
        }
        return context.runBlocking(() -> identityFor(hash, key));
    }

    private SecurityIdentity identityFor(byte[] hash, String key) {
        long generation = cache.generation();
        ApiToken token = QuarkusTransaction.requiringNew().call(() -> tokens.findBySecretHash(hash).orElse(null));
        if (token == null || !token.isUsableAt(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw new AuthenticationFailedException("Unknown, revoked or expired token");
        }
        // Only when the database is asked (at most once a second per token and instance, see
        // TokenCache): a use is recorded to within five minutes anyway.
        use.record(token.id);
        SecurityIdentity identity = identityOf(token);
        cache.remember(key, token, identity, generation);
        return identity;
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
