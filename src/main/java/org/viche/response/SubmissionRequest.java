package org.viche.response;

import com.fasterxml.jackson.databind.JsonNode;

/** One response as a client sends it (api.md, "Responses"). */
public record SubmissionRequest(String region, String language, JsonNode answers, String invitation) {
}
