package org.viche.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** Oldest first, strictly after {@code afterId}: a cursor that stays stable while entries are appended. */
    public List<AuditEntry> page(long afterId, int limit) {
        return find("id > ?1", Sort.by("id"), afterId).page(0, limit).list();
    }

    /** Newest first, narrowed by whichever of action, actor name (part of it, any case) and period are given. */
    public List<AuditEntry> search(AuditAction action, String actor, OffsetDateTime from, OffsetDateTime until, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (action != null) {
            query.append(" and action = :action");
            parameters.and("action", action);
        }
        if (actor != null && !actor.isBlank()) {
            query.append(" and lower(actorName) like :actor");
            parameters.and("actor", "%" + actor.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (from != null) {
            query.append(" and at >= :from");
            parameters.and("from", from);
        }
        if (until != null) {
            query.append(" and at < :until");
            parameters.and("until", until);
        }
        return find(query.toString(), Sort.by("id").descending(), parameters).page(0, limit).list();
    }
}
