package org.viche.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** Oldest first, strictly after {@code afterId}: a cursor that stays stable while entries are appended. */
    public List<AuditEntry> page(long afterId, int limit) {
        return find("id > ?1", Sort.by("id"), afterId).page(0, limit).list();
    }
}
