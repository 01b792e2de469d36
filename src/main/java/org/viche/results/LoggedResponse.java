package org.viche.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.viche.results.TallyBuckets.Counter;
import org.viche.survey.SurveyDefinition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A stored response as the roll-up counts it: by its status now (counted, held for a reason,
 * or rejected), its region, its source, and its record key (the perturbation's, {@link CellKeys}).
 * The same reading serves the fold ({@link TallyRollup}) and the readers of current figures,
 * who add the responses not yet folded ({@link TallyReader}): both must count a row alike.
 */
record LoggedResponse(long surveyId, String region, String channel, UUID partnerId, String status, String reason,
        int recordKey, String answersJson) {

    /** The columns, in this order, that {@link #read} expects. */
    static final String COLUMNS = "r.survey_id, r.region, r.channel, r.partner_id, r.status, r.quarantine_reason, "
            + "r.record_key, r.answers::text";

    static LoggedResponse read(ResultSet rs, int first) throws SQLException {
        return new LoggedResponse(rs.getLong(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getObject(first + 3, UUID.class), rs.getString(first + 4), rs.getString(first + 5), rs.getInt(first + 6),
                rs.getString(first + 7));
    }

    String source() {
        return TallyBuckets.source(channel, partnerId);
    }

    /** Its counters: its answers if counted, the held counters if held, none if rejected. */
    List<Counter> counters(SurveyDefinition definition, ObjectMapper json) {
        return switch (status) {
            case "ACCEPTED" -> {
                try {
                    yield TallyBuckets.of(definition, json.readTree(answersJson));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Stored answers are always JSON", e);
                }
            }
            case "QUARANTINED" -> TallyBuckets.held(reason);
            default -> List.of();
        };
    }

    TallyWriter.Target target(SurveyDefinition definition, ObjectMapper json) {
        return new TallyWriter.Target(surveyId, region, source(), counters(definition, json), recordKey);
    }
}
