package org.viche.quarantine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.viche.audit.AuditAction;
import org.viche.audit.AuditLog;
import org.viche.results.TallyBuckets;
import org.viche.results.TallyBuckets.Counter;
import org.viche.results.TallyWriter;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An admin's review of held-back responses. Releasing one adds its answers to the tally
 * (and takes it off the quarantined count) in the same transaction as its new status;
 * rejecting keeps it, sealed and never counted. Both are audited.
 */
@ApplicationScoped
public class QuarantineService {

    private static final String LIST = """
            select id, region, submitted_at, quarantine_reason from response
             where survey_id = ? and status = 'QUARANTINED'
               and (?::uuid is null or (submitted_at, id) > (select submitted_at, id from response where id = ?::uuid))
             order by submitted_at, id
             limit ?
            """;

    /** Only a held response moves: a second decision on the same response finds nothing to update. */
    private static final String DECIDE = """
            update response set status = ? where id = ? and survey_id = ? and status = 'QUARANTINED'
            returning region, channel, partner_id, answers::text, quarantine_reason, record_key, seq
            """;

    /**
     * Whether the roll-up has counted a response yet (as held). Share-locked: a fold and a
     * decision take turns, so a response is either folded as held and moved here, or folded
     * later under the status decided here — never both.
     */
    private static final String FOLDED = "select folded from tally_watermark for share";

    @Inject
    DataSource dataSource;

    @Inject
    TallyWriter tallies;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    public record Held(UUID id, String region, OffsetDateTime submittedAt, QuarantineReason reason) {
    }

    /** Held responses, oldest first, after the one with id {@code after} (null: from the start). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Held> list(SurveySnapshot survey, UUID after, int limit) {
        List<Held> held = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(LIST)) {
            query.setLong(1, survey.id());
            query.setObject(2, after);
            query.setObject(3, after);
            query.setInt(4, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    held.add(new Held(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                            QuarantineReason.valueOf(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Quarantined responses could not be read", e);
        }
        return held;
    }

    /** An admin's decision on a held response: the status it moves to, and how the act is audited. */
    public enum Verdict {
        RELEASE("ACCEPTED", AuditAction.QUARANTINE_RELEASED),
        REJECT("REJECTED", AuditAction.QUARANTINE_REJECTED);

        public final String status;
        final AuditAction action;

        Verdict(String status, AuditAction action) {
            this.status = status;
            this.action = action;
        }
    }

    /** What became of a decision; the resource maps each to its answer. */
    public sealed interface Outcome {
        /** The response moved to the verdict's status. */
        record Decided() implements Outcome {
        }

        /** The survey has no such response. */
        record NoSuchResponse() implements Outcome {
        }

        /** The response is not held (already decided, or never held): {@code status} is where it stands. */
        record NotHeld(String status) implements Outcome {
        }

        /** The survey is closed: its final figures never change, so held responses stay uncounted. */
        record SurveyClosed() implements Outcome {
        }
    }

    /** The survey row, share-locked: a decision and a close serialize, like an insert and a close. */
    private static final String LOCK_OPEN_SURVEY = "select 1 from survey where id = ? and status = 'OPEN' for share";

    @Transactional
    public Outcome decide(SurveySnapshot survey, UUID response, Verdict verdict) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(LOCK_OPEN_SURVEY);
                PreparedStatement update = connection.prepareStatement(DECIDE)) {
            lock.setLong(1, survey.id());
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return new Outcome.SurveyClosed();
                }
            }
            update.setString(1, verdict.status);
            update.setObject(2, response);
            update.setLong(3, survey.id());
            try (ResultSet rs = update.executeQuery()) {
                if (!rs.next()) {
                    return notHeld(connection, survey, response);
                }
                if (rs.getLong(7) > watermark(connection)) {
                    return decided(survey, response, verdict); // the roll-up will count it as decided
                }
                String region = rs.getString(1);
                String source = TallyBuckets.source(rs.getString(2), rs.getObject(3, UUID.class));
                List<Counter> held = TallyBuckets.held(rs.getString(5));
                int recordKey = rs.getInt(6);
                tallies.add(connection, List.of(new TallyWriter.Target(survey.id(), region, source, held, recordKey)), -1);
                if (verdict == Verdict.RELEASE) {
                    List<Counter> answers = TallyBuckets.of(survey.definition(), json.readTree(rs.getString(4)));
                    tallies.add(connection, List.of(new TallyWriter.Target(survey.id(), region, source, answers, recordKey)));
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("The quarantine decision could not be stored", e);
        }
        return decided(survey, response, verdict);
    }

    private Outcome decided(SurveySnapshot survey, UUID response, Verdict verdict) {
        audit.record(verdict.action, survey.slug(), Map.of("response", response.toString()));
        return new Outcome.Decided();
    }

    private static long watermark(Connection connection) throws SQLException {
        try (PreparedStatement folded = connection.prepareStatement(FOLDED); ResultSet rs = folded.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Outcome notHeld(Connection connection, SurveySnapshot survey, UUID response) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select status from response where id = ? and survey_id = ?")) {
            query.setObject(1, response);
            query.setLong(2, survey.id());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? new Outcome.NotHeld(rs.getString(1)) : new Outcome.NoSuchResponse();
            }
        }
    }
}
