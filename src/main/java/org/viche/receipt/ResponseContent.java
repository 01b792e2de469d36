package org.viche.receipt;

import java.util.UUID;

/**
 * What of a stored response is sealed: its content as stored now, nothing about who sent it.
 * {@code id} is the response's export id, never the id returned at submission.
 */
public record ResponseContent(UUID id, String region, String language, String channel, String answersJson,
        byte[] textSalt) {
}
