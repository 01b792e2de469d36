package org.viche.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.viche.audit.AuditAction;
import org.viche.audit.AuditLog;
import org.viche.error.ApiException;
import org.viche.error.FieldError;

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

    @Transactional
    public Issued issue(IssueRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new FieldError("name", "required", "is required (at most 200 characters)"));
        }
        if (request.role() == null || !Roles.ALL.contains(request.role())) {
            errors.add(new FieldError("role", "unknownValue", "must be one of admin, researcher, partner"));
        }
        if (request.surveys() != null && !request.surveys().isEmpty() && !Roles.PARTNER.equals(request.role())) {
            errors.add(new FieldError("surveys", "notAllowed", "only partner tokens are scoped to surveys"));
        }
        if (request.expiresAt() != null && request.expiresAt().isBefore(OffsetDateTime.now())) {
            errors.add(new FieldError("expiresAt", "inThePast", "must be in the future"));
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
            audit.record(AuditAction.TOKEN_REVOKED, token.id.toString(), Map.of("name", token.name, "role", token.role));
        }
        return token;
    }

    /** Makes {@code secret} an admin token unless a usable admin token already exists. */
    @Transactional
    public boolean bootstrapAdmin(String secret) {
        if (tokens.anyUsableAdmin() || tokens.findBySecretHash(TokenSecrets.hash(secret)).isPresent()) {
            return false;
        }
        ApiToken token = newToken("bootstrap-admin", Roles.ADMIN, secret);
        tokens.persist(token);
        recordIssued(token);
        return true;
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
