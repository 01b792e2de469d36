package org.viche.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.viche.audit.AuditAction;
import org.viche.audit.AuditLog;
import org.viche.error.ApiException;
import org.viche.error.FieldError;
import org.viche.error.ServiceProblem;

/** Issues, lists and revokes bearer tokens. */
@ApplicationScoped
public class TokenService {

    public record IssueRequest(String name, String role, List<String> surveys, OffsetDateTime expiresAt) {
    }

    public record Issued(ApiToken token, String secret) {
    }

    @Inject
    ApiTokenRepository tokens;

    @Inject
    AuditLog audit;

    @Inject
    TokenCache cache;

    @Transactional
    public Issued issue(IssueRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(ServiceProblem.TOKEN_NAME_REQUIRED.at("name"));
        }
        if (request.role() == null || !Roles.ALL.contains(request.role())) {
            errors.add(ServiceProblem.TOKEN_ROLE_UNKNOWN.at("role"));
        }
        if (request.surveys() != null && !request.surveys().isEmpty() && !Roles.PARTNER.equals(request.role())) {
            errors.add(ServiceProblem.TOKEN_SCOPE_NOT_ALLOWED.at("surveys"));
        }
        if (request.expiresAt() != null && request.expiresAt().isBefore(OffsetDateTime.now())) {
            errors.add(ServiceProblem.TOKEN_EXPIRY_PAST.at("expiresAt"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation("The token request has " + errors.size() + " problem(s).", errors);
        }
        String secret = TokenSecrets.newSecret();
        ApiToken token = newToken(request.name(), request.role(), secret);
        token.surveys = request.surveys() == null ? new String[0] : request.surveys().toArray(String[]::new);
        token.expiresAt = request.expiresAt();
        tokens.persist(token);
        recordIssued(token);
        return new Issued(token, secret);
    }

    @Transactional
    public List<ApiToken> list() {
        return tokens.listNewestFirst();
    }

    @Transactional
    public ApiToken revoke(UUID id) {
        ApiToken token = tokens.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No token with id " + id + "."));
        if (token.revokedAt == null) {
            token.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
            cache.forgetAll();
            audit.record(AuditAction.TOKEN_REVOKED, token.id.toString(), Map.of("name", token.name, "role", token.role));
        }
        return token;
    }

    /**
     * The bootstrap rule, exactly as the README states it: a given token (at least
     * {@value BootstrapOutcome#MIN_LENGTH} characters) becomes an admin token only while the
     * database holds no usable (unrevoked, unexpired) admin token; with none given and none
     * usable, one is generated. Serialised across instances starting together, so two of them
     * never both see "no admin" and both create one.
     */
    @Transactional
    public BootstrapOutcome bootstrap(Optional<String> given) {
        Optional<String> secret = given.filter(s -> !s.isBlank());
        if (secret.isPresent() && secret.get().length() < BootstrapOutcome.MIN_LENGTH) {
            return BootstrapOutcome.of(BootstrapOutcome.Kind.REFUSED_TOO_SHORT);
        }
        tokens.lockForBootstrap();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (secret.isPresent()) {
            Optional<ApiToken> known = tokens.findBySecretHash(TokenSecrets.hash(secret.get()));
            if (known.isPresent()) {
                return BootstrapOutcome.of(Roles.ADMIN.equals(known.get().role) && known.get().isUsableAt(now)
                        ? BootstrapOutcome.Kind.ALREADY_ADMIN
                        : BootstrapOutcome.Kind.REFUSED_ALREADY_ISSUED);
            }
        }
        if (tokens.anyUsableAdmin(now)) {
            return BootstrapOutcome.of(secret.isPresent()
                    ? BootstrapOutcome.Kind.REFUSED_ADMIN_EXISTS
                    : BootstrapOutcome.Kind.NOTHING_TO_DO);
        }
        String stored = secret.orElseGet(TokenSecrets::newSecret);
        ApiToken token = newToken("bootstrap-admin", Roles.ADMIN, stored);
        tokens.persist(token);
        recordIssued(token);
        return secret.isPresent() ? BootstrapOutcome.of(BootstrapOutcome.Kind.STORED) : BootstrapOutcome.generated(stored);
    }

    private void recordIssued(ApiToken token) {
        audit.record(AuditAction.TOKEN_ISSUED, token.id.toString(),
                Map.of("name", token.name, "role", token.role, "surveys", List.of(token.surveys)));
    }

    private static ApiToken newToken(String name, String role, String secret) {
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = name;
        token.role = role;
        token.secretHash = TokenSecrets.hash(secret);
        token.surveys = new String[0];
        token.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return token;
    }
}
