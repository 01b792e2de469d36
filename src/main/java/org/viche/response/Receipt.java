package org.viche.response;

import java.util.UUID;

/** What a client gets for an accepted response: its id and the receipt to verify it later. */
public record Receipt(UUID id, String receipt) {
}
