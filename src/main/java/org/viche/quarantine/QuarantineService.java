package org.viche.quarantine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * rejecting keeps it, sealed and never counted. Both are audited. The API decides one response
 * at a time; the console a whole group (reason and answer pattern) at once.
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

    @Inject
    AnswerPatterns patterns;

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

        /** A whole group moved: {@code count} responses (0 when it had been decided already). */
        record GroupDecided(int count) implements Outcome {
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
            if (move(connection, survey, update, verdict) == 0) {
                return notHeld(connection, survey, response);
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

    /**
     * Moves the responses an update returns (region, channel, partner, answers, reason, record key,
     * seq) off the held count and, for a release, onto the tally, each one the roll-up has already
     * folded; returns how many changed status.
     */
    private int move(Connection connection, SurveySnapshot survey, PreparedStatement update, Verdict verdict)
            throws SQLException, JsonProcessingException {
        List<TallyWriter.Target> held = new ArrayList<>();
        List<TallyWriter.Target> counted = new ArrayList<>();
        int moved = 0;
        try (ResultSet rs = update.executeQuery()) {
            long folded = -1;
            while (rs.next()) {
                moved++;
                folded = folded < 0 ? watermark(connection) : folded;
                if (rs.getLong(7) > folded) {
                    continue; // not rolled up yet: the roll-up will count it as decided
                }
                String region = rs.getString(1);
                String source = TallyBuckets.source(rs.getString(2), rs.getObject(3, UUID.class));
                int recordKey = rs.getInt(6);
                held.add(new TallyWriter.Target(survey.id(), region, source, TallyBuckets.held(rs.getString(5)), recordKey));
                if (verdict == Verdict.RELEASE) {
                    List<Counter> answers = TallyBuckets.of(survey.definition(), json.readTree(rs.getString(4)));
                    counted.add(new TallyWriter.Target(survey.id(), region, source, answers, recordKey));
                }
            }
        }
        if (!held.isEmpty()) {
            tallies.add(connection, held, -1);
        }
        if (!counted.isEmpty()) {
            tallies.add(connection, counted);
        }
        return moved;
    }

    /**
     * Held responses that share a reason and an answer set, as a reviewer decides on them: the
     * pattern is {@link AnswerPatterns}' opaque key, never the answers. Days are UTC dates.
     */
    public record HeldGroup(QuarantineReason reason, String pattern, long count, long regions, LocalDate firstDay,
            LocalDate lastDay) {
    }

    private static final String GROUPS = """
            select quarantine_reason, %s, count(*), count(distinct region), min(submitted_at), max(submitted_at)
              from response where survey_id = ? and status = 'QUARANTINED'
             group by 1, 2
             order by 3 desc, 5, 1
            """.formatted(AnswerPatterns.DIGEST);

    /** The held groups, largest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HeldGroup> groups(SurveySnapshot survey) {
        List<HeldGroup> groups = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(GROUPS)) {
            query.setLong(1, survey.id());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    groups.add(new HeldGroup(QuarantineReason.valueOf(rs.getString(1)), patterns.key(survey.id(), rs.getString(2)),
                            rs.getLong(3), rs.getLong(4), day(rs.getObject(5, OffsetDateTime.class)),
                            day(rs.getObject(6, OffsetDateTime.class))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Held groups could not be read", e);
        }
        return groups;
    }

    private static final String DIGESTS = "select distinct " + AnswerPatterns.DIGEST
            + " from response where survey_id = ? and status = 'QUARANTINED' and quarantine_reason = ?";

    private static final String DECIDE_GROUP = """
            update response set status = ?
             where survey_id = ? and status = 'QUARANTINED' and quarantine_reason = ? and %s = ?
            returning region, channel, partner_id, answers::text, quarantine_reason, record_key, seq
            """.formatted(AnswerPatterns.DIGEST);

    /**
     * Releases or rejects every response held for {@code reason} with the answer set named by
     * {@code pattern}, in one transaction with one audit entry that says how many. A group
     * already decided (another reviewer, another tab) moves nothing: {@link Outcome.GroupDecided}
     * with count 0, and no audit entry, since nothing was decided.
     */
    @Transactional
    public Outcome decideGroup(SurveySnapshot survey, QuarantineReason reason, String pattern, Verdict verdict) {
        int moved;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(LOCK_OPEN_SURVEY)) {
            lock.setLong(1, survey.id());
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    return new Outcome.SurveyClosed();
                }
            }
            Optional<String> digest = digestOf(connection, survey, reason, pattern);
            if (digest.isEmpty()) {
                return new Outcome.GroupDecided(0);
            }
            try (PreparedStatement update = connection.prepareStatement(DECIDE_GROUP)) {
                update.setString(1, verdict.status);
                update.setLong(2, survey.id());
                update.setString(3, reason.name());
                update.setString(4, digest.get());
                moved = move(connection, survey, update, verdict);
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("The quarantine decision could not be stored", e);
        }
        if (moved > 0) {
            audit.record(verdict.action, survey.slug(), Map.of("reason", reason.name(), "pattern", pattern, "count", moved));
        }
        return new Outcome.GroupDecided(moved);
    }

    /** The server-side digest behind an opaque pattern key, among the answer sets still held for the reason. */
    private Optional<String> digestOf(Connection connection, SurveySnapshot survey, QuarantineReason reason, String pattern)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(DIGESTS)) {
            query.setLong(1, survey.id());
            query.setString(2, reason.name());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (patterns.key(survey.id(), rs.getString(1)).equals(pattern)) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
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
