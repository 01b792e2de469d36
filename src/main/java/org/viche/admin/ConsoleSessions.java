package org.viche.admin;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.viche.security.ApiToken;
import org.viche.security.ApiTokenRepository;
import org.viche.security.Roles;
import org.viche.security.TokenSecrets;
import org.viche.security.TokenUse;

/**
 * Exchanges an admin or researcher token for a console session, so the token is typed once and
 * never travels again: the browser keeps only a random session id. Every request re-reads the
 * token row, so revoking the token ends its sessions at once, on every instance.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** Touching the row on every page would write for nothing; a minute is far below any idle timeout. */
    static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    public sealed interface SignIn {
    }

    public record Started(String sessionId, String role) implements SignIn {
    }

    public record Refused(Reason reason) implements SignIn {
    }

    public enum Reason { UNKNOWN_TOKEN, PARTNER_TOKEN }

    @Inject
    ConsoleSessionRepository sessions;

    @Inject
    ApiTokenRepository tokens;

    @Inject
    AdminConfig config;

    @Inject
    TokenUse use;

    @Transactional
    public SignIn signIn(String secret) {
        OffsetDateTime now = now();
        Optional<ApiToken> token = secret == null || secret.isBlank() ? Optional.empty()
                : tokens.findBySecretHash(TokenSecrets.hash(secret.trim())).filter(t -> t.isUsableAt(now));
        if (token.isEmpty()) {
            return new Refused(Reason.UNKNOWN_TOKEN);
        }
        if (!Roles.ADMIN.equals(token.get().role) && !Roles.RESEARCHER.equals(token.get().role)) {
            return new Refused(Reason.PARTNER_TOKEN);
        }
        sessions.deleteIdleSince(now.minus(config.idleTimeout()));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ConsoleSession session = new ConsoleSession();
        session.idHash = hash(id);
        session.tokenId = token.get().id;
        session.createdAt = now;
        session.lastSeenAt = now;
        sessions.persist(session);
        use.record(token.get().id);
        return new Started(id, token.get().role);
    }

    /** The token behind a live session; an idle, unknown or revoked one ends here. */
    @Transactional
    public Optional<ApiToken> resume(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        ConsoleSession session = sessions.findById(hash(sessionId));
        if (session == null) {
            return Optional.empty();
        }
        Optional<ApiToken> token = tokens.findByIdOptional(session.tokenId).filter(t -> t.isUsableAt(now));
        if (session.lastSeenAt.plus(config.idleTimeout()).isBefore(now) || token.isEmpty()) {
            sessions.delete(session);
            return Optional.empty();
        }
        if (session.lastSeenAt.plus(TOUCH_AFTER).isBefore(now)) {
            session.lastSeenAt = now;
        }
        return token;
    }

    @Transactional
    public void signOut(String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            sessions.deleteById(hash(sessionId));
        }
    }

    static String hash(String sessionId) {
        return HexFormat.of().formatHex(TokenSecrets.hash(sessionId));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
