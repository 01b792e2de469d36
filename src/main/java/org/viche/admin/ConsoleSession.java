package org.viche.admin;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One signed-in browser: the hash of its cookie's id, the token it signed in with, when last seen. */
@Entity
@Table(name = "admin_session")
public class ConsoleSession {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    @Column(name = "token_id", nullable = false)
    public UUID tokenId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;
}
