package org.viche.security;

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

    public boolean anyUsableAdmin() {
        return count("role = ?1 and revokedAt is null", Roles.ADMIN) > 0;
    }

    public List<ApiToken> listNewestFirst() {
        return listAll(Sort.by("createdAt").descending());
    }
}
