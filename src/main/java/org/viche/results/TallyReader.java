package org.viche.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads a survey's roll-up: the tally, plus the responses the roll-up has not folded yet
 * ({@link TallyRollup}), counted here the same way, so current figures are exact at every
 * moment. Both come from one statement, hence one snapshot: a fold that commits meanwhile is
 * seen entirely or not at all. The cost depends on the number of questions, options and
 * regions, plus at most about a second of new responses — never on all responses.
 */
@ApplicationScoped
public class TallyReader {

    /** Slots summed, then the unfolded responses; the source is kept so one query serves both readers. */
    private static final String TALLY_AND_TAIL = """
            select source, question, region, bucket, sum(count), sum(key_sum), null::bigint, null::text, null::text,
                   null::uuid, null::text, null::text, null::int, null::text
              from tally where survey_id = ? group by source, question, region, bucket
            union all
            select null, null, null, null, null, null,
                   """ + LoggedResponse.COLUMNS + """

              from response r where r.survey_id = ? and r.seq > (select folded from tally_watermark)
            """;

    /** The tally alone, for when the response table cannot be read. */
    private static final String TALLY_ONLY = """
            select source, question, region, bucket, sum(count), sum(key_sum)
              from tally where survey_id = ? group by source, question, region, bucket
            """;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /** The whole roll-up, every source together: what results are computed from. */
    public TallySnapshot read(SurveySnapshot survey) {
        TallySnapshot snapshot = new TallySnapshot();
        readRows(survey, (source, question, region, bucket, count, keySum) -> snapshot.add(question, region, bucket, count, keySum));
        return snapshot;
    }

    /** The roll-up split by source ({@code WEB}, {@code API}, {@code API:<partner token id>}). */
    public Map<String, TallySnapshot> readBySource(SurveySnapshot survey) {
        Map<String, TallySnapshot> bySource = new TreeMap<>();
        readRows(survey, (source, question, region, bucket, count, keySum) ->
                bySource.computeIfAbsent(source, s -> new TallySnapshot()).add(question, region, bucket, count, keySum));
        return bySource;
    }

    private interface RowSink {
        void accept(String source, String question, String region, String bucket, long count, long keySum);
    }

    /**
     * The tally and the unfolded responses; if the response table is locked against readers
     * (maintenance: {@code VACUUM FULL}, {@code ALTER TABLE}), the tally alone, as last folded —
     * results keep answering, at most a second or so behind.
     */
    private void readRows(SurveySnapshot survey, RowSink sink) {
        try {
            QuarkusTransaction.requiringNew().run(() -> readRows(survey, sink, true));
        } catch (ResponsesLocked e) {
            // the lock is taken before any row is read: nothing reached the sink
            QuarkusTransaction.requiringNew().run(() -> readRows(survey, sink, false));
        }
    }

    /** How long a reader waits for the response table before it answers from the tally alone. */
    private static final String LOCK_WAIT = "set local lock_timeout = '500ms'";

    private static final class ResponsesLocked extends RuntimeException {
        ResponsesLocked(Throwable cause) {
            super("The response table is locked", cause, false, false);
        }
    }

    private void readRows(SurveySnapshot survey, RowSink sink, boolean withTail) {
        try (Connection connection = dataSource.getConnection()) {
            if (withTail) {
                try (PreparedStatement wait = connection.prepareStatement(LOCK_WAIT)) {
                    wait.execute();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(withTail ? TALLY_AND_TAIL : TALLY_ONLY)) {
                select.setLong(1, survey.id());
                if (withTail) {
                    select.setLong(2, survey.id());
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(4) != null) {
                            sink.accept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                    rs.getLong(6));
                            continue;
                        }
                        LoggedResponse response = LoggedResponse.read(rs, 7);
                        for (TallyBuckets.Counter c : response.counters(survey.definition(), json)) {
                            sink.accept(response.source(), c.question(), response.region(), c.bucket(), 1, response.recordKey());
                        }
                    }
                }
            }
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) { // lock_not_available
                throw new ResponsesLocked(e);
            }
            throw new IllegalStateException("Cannot read results", e);
        }
    }
}
