package org.viche.admin;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class ConsoleSessionRepository implements PanacheRepositoryBase<ConsoleSession, String> {

    long deleteIdleSince(OffsetDateTime cutoff) {
        return delete("lastSeenAt < ?1", cutoff);
    }
}
