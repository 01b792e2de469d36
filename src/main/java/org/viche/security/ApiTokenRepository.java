package org.viche.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

    public Optional<ApiToken> findBySecretHash(byte[] hash) {
        return find("secretHash", (Object) hash).firstResultOptional();
    }

    /** Bootstrap's check-then-insert must not interleave between instances starting together. */
    private static final long BOOTSTRAP_LOCK = 0x76696368655f6231L; // "viche_b1"

    public boolean anyUsableAdmin(OffsetDateTime now) {
        return count("role = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)", Roles.ADMIN, now) > 0;
    }

    /** Held until the calling transaction ends. */
    void lockForBootstrap() {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")").getSingleResult();
    }

    public List<ApiToken> listNewestFirst() {
        return listAll(Sort.by("createdAt").descending());
    }
}
