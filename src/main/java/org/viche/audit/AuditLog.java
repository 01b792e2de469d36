package org.viche.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.viche.security.CallerAttributes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Records admin actions from inside the services that perform them, in the same transaction
 * ({@code MANDATORY}): an action and its entry commit together or not at all, and no
 * endpoint can forget to log. The actor is the calling token (id and name); outside a
 * request (start-up, bootstrap) it is the service itself.
 */
@ApplicationScoped
public class AuditLog {

    static final String SYSTEM = "system";

    @Inject
    AuditRepository entries;

    @Inject
    SecurityIdentity caller;

    @Inject
    ObjectMapper json;

    /** An entry as published; {@code actor.id} is absent for the service itself. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(long id, OffsetDateTime at, Actor actor, AuditAction action, String subject,
            Map<String, Object> details) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actor(UUID id, String name) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String subject, Map<String, ?> details) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        Actor actor = currentActor();
        entry.actorId = actor.id();
        entry.actorName = actor.name();
        entry.action = action;
        entry.subject = subject;
        entry.details = write(details);
        entries.persist(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> page(long afterId, int limit) {
        return entries.page(afterId, limit).stream().map(this::event).toList();
    }

    /** For the console's audit page: the newest entries matching a filter (any part may be null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Event> search(AuditAction action, String actor, OffsetDateTime from, OffsetDateTime until, int limit) {
        return entries.search(action, actor, from, until, limit).stream().map(this::event).toList();
    }

    private Actor currentActor() {
        if (!Arc.container().requestContext().isActive() || caller.isAnonymous()) {
            return new Actor(null, SYSTEM);
        }
        return new Actor(CallerAttributes.tokenId(caller).orElse(null), caller.getPrincipal().getName());
    }

    @SuppressWarnings("unchecked")
    private Event event(AuditEntry e) {
        Map<String, Object> details;
        try {
            details = json.readValue(e.details, Map.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored audit details are unreadable", ex);
        }
        return new Event(e.id, e.at, new Actor(e.actorId, e.actorName), e.action, e.subject, details);
    }

    private String write(Map<String, ?> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details must be plain values", e);
        }
    }
}
