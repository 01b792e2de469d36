package org.viche.response;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.viche.invitation.InvitationStore;
import org.viche.quarantine.QuarantinePolicy;
import org.viche.quarantine.QuarantineReason;
import org.viche.quarantine.ReviewCandidate;
import org.viche.ratelimit.SubmissionLimits;
import org.viche.results.CellKeys;
import org.viche.results.TallyRollup;

/**
 * Writes responses with plain JDBC: this is the hot path (a burst after a broadcast), where
 * an ORM's entity bookkeeping buys nothing. One statement inserts a whole group (arrays
 * unnested server-side: one round trip), beside the rate-limit and review counters that
 * admitted it. Runs inside the caller's JTA transaction — the Agroal connection is enlisted
 * in it — so responses and their admission commit together or not at all. The tally is not
 * written here: {@code results.TallyRollup} folds the stored responses into it.
 */
@ApplicationScoped
public class ResponseStore {

    /**
     * A response to store, with answers already validated and normalised.
     *
     * @param invitation the stored form of the invitation code to spend, for TOKEN surveys
     * @param textSalt the salt of the sealed commitments to its text answers (docs/receipts.md), if any
     * @param rateCharge what it costs against its sender's rate limit, or null when it is not charged
     * @param review what the review rules judge it by, or null when it is never held (tokens, TOKEN surveys)
     */
    public record NewResponse(long surveyId, String region, String language, Channel channel, UUID partnerId,
            String answersJson, IdempotencyKey idempotency, byte[] requestHash, byte[] invitation, byte[] textSalt,
            SubmissionLimits.RateCharge rateCharge, ReviewCandidate review) {

        /** The same response, charged elsewhere (a batch is charged as a whole). */
        NewResponse withoutRateCharge() {
            return new NewResponse(surveyId, region, language, channel, partnerId, answersJson, idempotency, requestHash,
                    invitation, textSalt, null, review);
        }
    }

    /** A response admitted to the insert, and whether it is held for review. */
    private record Admitted(NewResponse response, UUID id, String receipt, short recordKey, QuarantineReason quarantine) {

        String status() {
            return quarantine == null ? "ACCEPTED" : "QUARANTINED";
        }
    }

    /** What became of one response in its group's transaction. */
    public sealed interface StoreOutcome {

        /** Stored now: the receipt is new. */
        record Stored(Receipt receipt) implements StoreOutcome {
        }

        /** An earlier response has the same idempotency key; nothing new was stored. */
        record Replayed(Receipt first, boolean sameRequest) implements StoreOutcome {
        }

        /** The invitation code was unknown or already used; nothing was stored. */
        record InvitationRefused() implements StoreOutcome {
        }

        /** The survey was no longer open when the transaction looked; nothing was stored. */
        record SurveyClosed() implements StoreOutcome {
        }

        /** Its sender is over the rate limit; nothing was stored. */
        record RateLimited(long retryAfterSeconds) implements StoreOutcome {
        }
    }

    /**
     * Close is a barrier: the insert holds a share lock on each survey row it writes to and
     * checks, in its own transaction, that the survey is still OPEN; closing takes the row
     * exclusively ({@code SurveyService.close}). So a close waits for the inserts in flight, and
     * an insert that comes after it finds the survey CLOSED: nothing is counted after closedAt.
     * Share locks do not block one another, so concurrent groups still commit side by side.
     */
    private static final String LOCK_OPEN_SURVEYS =
            "select id from survey where id = any(?::bigint[]) and status = 'OPEN' order by id for share";

    private static final String INSERT = """
            insert into response (id, survey_id, region, language, channel, partner_id, answers, receipt,
                                  idempotency_scope, idempotency_key, request_hash, text_salt, status, quarantine_reason,
                                  record_key, seq)
            select r.id, r.survey_id, r.region, r.language, r.channel, r.partner_id, r.answers::jsonb, r.receipt,
                   r.scope, r.key, decode(r.hash, 'hex'), decode(r.salt, 'hex'), r.status, r.reason, r.record_key,
                   nextval('response_seq_source')
              from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[])
                   as r(id, survey_id, region, language, channel, partner_id, answers, receipt, scope, key, hash, salt,
                        status, reason, record_key)
             -- one order for every group: two groups with the same retry keys wait, never deadlock
             order by r.survey_id, r.scope, r.key
            on conflict on constraint response_idempotency_unique do nothing
            returning id
            """;

    private static final String FIND_BY_KEYS = """
            select r.survey_id, r.idempotency_scope, r.idempotency_key, r.id, r.receipt, encode(r.request_hash, 'hex')
              from response r
              join unnest(?::bigint[], ?::text[], ?::text[]) as k(survey_id, scope, key)
                on r.survey_id = k.survey_id and r.idempotency_scope = k.scope and r.idempotency_key = k.key
            """;

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    DataSource dataSource;

    @Inject
    InvitationStore invitations;

    @Inject
    SubmissionLimits limits;

    @Inject
    QuarantinePolicy quarantine;

    /**
     * Charges each response to its sender's rate limit, lets the review rules decide which to
     * hold, stores every admitted response whose idempotency key is new, and returns, in order,
     * what became of each — for a key seen before (earlier, or earlier in this group), the
     * receipt of the response first stored under it. A new response that carries an invitation
     * code is kept only if it spends the code (a retry spends nothing); otherwise its row is
     * removed again before anything commits. All in the caller's transaction: the counters
     * commit with the responses they admitted.
     */
    public List<StoreOutcome> insertAll(List<NewResponse> batch) throws SQLException {
        StoreOutcome[] outcomes = new StoreOutcome[batch.size()];
        try (Connection connection = dataSource.getConnection()) {
            TallyRollup.holdOffHorizon(connection);
            Set<Long> open = lockOpenSurveys(connection, batch);
            List<Integer> admitted = admit(connection, batch, open, outcomes);
            Map<Integer, QuarantineReason> held = review(connection, batch, admitted);
            List<Admitted> rows = new ArrayList<>(admitted.size());
            for (int i : admitted) {
                rows.add(new Admitted(batch.get(i), UUID.randomUUID(), ReceiptCodes.next(), CellKeys.newRecordKey(), held.get(i)));
            }
            Set<UUID> inserted = rows.isEmpty() ? new HashSet<>() : insertRows(connection, rows);
            Set<UUID> refused = spendInvitations(connection, rows, inserted);
            inserted.removeAll(refused);
            List<NewResponse> replays = new ArrayList<>();
            for (Admitted row : rows) {
                if (!inserted.contains(row.id()) && !refused.contains(row.id())) {
                    replays.add(row.response());
                }
            }
            Map<String, Existing> existing = replays.isEmpty() ? Map.of() : findByKeys(connection, replays);
            for (int j = 0; j < rows.size(); j++) {
                Admitted row = rows.get(j);
                outcomes[admitted.get(j)] = inserted.contains(row.id()) ? new StoreOutcome.Stored(new Receipt(row.id(), row.receipt()))
                        : refused.contains(row.id()) ? new StoreOutcome.InvitationRefused()
                        : replayOf(row.response(), existing);
            }
            return List.of(outcomes);
        }
    }

    /**
     * Charges the rate limits of the responses to open surveys and returns the indexes of those
     * admitted; the others get their outcome here (survey closed, or over the limit).
     */
    private List<Integer> admit(Connection connection, List<NewResponse> batch, Set<Long> open, StoreOutcome[] outcomes)
            throws SQLException {
        List<Integer> toOpen = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (open.contains(batch.get(i).surveyId())) {
                toOpen.add(i);
            } else {
                outcomes[i] = new StoreOutcome.SurveyClosed();
            }
        }
        List<OptionalLong> verdicts = limits.charge(connection, toOpen.stream().map(i -> batch.get(i).rateCharge()).toList());
        List<Integer> admitted = new ArrayList<>(toOpen.size());
        for (int j = 0; j < toOpen.size(); j++) {
            if (verdicts.get(j).isPresent()) {
                outcomes[toOpen.get(j)] = new StoreOutcome.RateLimited(verdicts.get(j).getAsLong());
            } else {
                admitted.add(toOpen.get(j));
            }
        }
        return admitted;
    }

    /** The review rules' verdicts on the admitted responses that can be held, survey by survey. */
    private Map<Integer, QuarantineReason> review(Connection connection, List<NewResponse> batch, List<Integer> admitted) {
        // surveys in one order for every group: their counter rows are locked in that order, never crosswise
        Map<Long, List<Integer>> bySurvey = new TreeMap<>();
        for (int i : admitted) {
            if (batch.get(i).review() != null) {
                bySurvey.computeIfAbsent(batch.get(i).surveyId(), s -> new ArrayList<>()).add(i);
            }
        }
        Map<Integer, QuarantineReason> held = new HashMap<>();
        bySurvey.forEach((surveyId, indexes) -> {
            List<Optional<QuarantineReason>> reasons = quarantine.classify(connection, surveyId,
                    indexes.stream().map(i -> batch.get(i).review()).toList());
            for (int j = 0; j < indexes.size(); j++) {
                int index = indexes.get(j);
                reasons.get(j).ifPresent(reason -> held.put(index, reason));
            }
        });
        return held;
    }

    private static StoreOutcome replayOf(NewResponse r, Map<String, Existing> existing) throws SQLException {
        Existing first = existing.get(keyOf(r.surveyId(), r.idempotency()));
        if (first == null) {
            throw new SQLException("Idempotency conflict without a stored row");
        }
        boolean same = first.requestHash() != null && r.requestHash() != null
                && first.requestHash().equals(HEX.formatHex(r.requestHash()));
        return new StoreOutcome.Replayed(new Receipt(first.id(), first.receipt()), same);
    }

    /** The surveys of the batch that are OPEN, share-locked until the transaction ends (see {@link #LOCK_OPEN_SURVEYS}). */
    private static Set<Long> lockOpenSurveys(Connection connection, List<NewResponse> batch) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_OPEN_SURVEYS)) {
            lock.setArray(1, connection.createArrayOf("bigint", batch.stream().map(NewResponse::surveyId).distinct().toArray()));
            Set<Long> open = new HashSet<>();
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getLong(1));
                }
            }
            return open;
        }
    }

    private Set<UUID> insertRows(Connection connection, List<Admitted> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, array(connection, "uuid", rows, Admitted::id));
            insert.setArray(2, array(connection, "bigint", rows, a -> a.response().surveyId()));
            insert.setArray(3, array(connection, "text", rows, a -> a.response().region()));
            insert.setArray(4, array(connection, "text", rows, a -> a.response().language()));
            insert.setArray(5, array(connection, "text", rows, a -> a.response().channel().name()));
            insert.setArray(6, array(connection, "uuid", rows, a -> a.response().partnerId()));
            insert.setArray(7, array(connection, "text", rows, a -> a.response().answersJson()));
            insert.setArray(8, array(connection, "text", rows, Admitted::receipt));
            insert.setArray(9, array(connection, "text", rows,
                    a -> a.response().idempotency() == null ? null : a.response().idempotency().scope()));
            insert.setArray(10, array(connection, "text", rows,
                    a -> a.response().idempotency() == null ? null : a.response().idempotency().key()));
            insert.setArray(11, array(connection, "text", rows,
                    a -> a.response().requestHash() == null ? null : HEX.formatHex(a.response().requestHash())));
            insert.setArray(12, array(connection, "text", rows,
                    a -> a.response().textSalt() == null ? null : HEX.formatHex(a.response().textSalt())));
            insert.setArray(13, array(connection, "text", rows, Admitted::status));
            insert.setArray(14, array(connection, "text", rows, a -> a.quarantine() == null ? null : a.quarantine().name()));
            insert.setArray(15, array(connection, "smallint", rows, Admitted::recordKey));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    /**
     * Spends the codes of the responses just inserted; returns the ids of those whose code
     * was unknown, already used, or spent by an earlier item of the same batch — after
     * deleting their rows, which no one outside this transaction has seen.
     */
    private Set<UUID> spendInvitations(Connection connection, List<Admitted> rows, Set<UUID> inserted) throws SQLException {
        Map<Long, List<byte[]>> codesBySurvey = new HashMap<>();
        for (Admitted row : rows) {
            if (row.response().invitation() != null && inserted.contains(row.id())) {
                codesBySurvey.computeIfAbsent(row.response().surveyId(), s -> new ArrayList<>()).add(row.response().invitation());
            }
        }
        if (codesBySurvey.isEmpty()) {
            return Set.of();
        }
        Set<String> spent = new HashSet<>();
        for (Map.Entry<Long, List<byte[]>> codes : codesBySurvey.entrySet()) {
            invitations.spend(connection, codes.getKey(), codes.getValue())
                    .forEach(hash -> spent.add(codes.getKey() + ":" + HEX.formatHex(hash.array())));
        }
        Set<UUID> refused = new HashSet<>();
        for (Admitted row : rows) {
            NewResponse r = row.response();
            if (r.invitation() != null && inserted.contains(row.id())
                    && !spent.remove(r.surveyId() + ":" + HEX.formatHex(r.invitation()))) {
                refused.add(row.id());
            }
        }
        if (!refused.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from response where id = any(?::uuid[])")) {
                delete.setArray(1, connection.createArrayOf("uuid", refused.toArray()));
                delete.executeUpdate();
            }
        }
        return refused;
    }

    private record Existing(UUID id, String receipt, String requestHash) {
    }

    private Map<String, Existing> findByKeys(Connection connection, List<NewResponse> replays) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND_BY_KEYS)) {
            find.setArray(1, array(connection, "bigint", replays, NewResponse::surveyId));
            find.setArray(2, array(connection, "text", replays, r -> r.idempotency().scope()));
            find.setArray(3, array(connection, "text", replays, r -> r.idempotency().key()));
            Map<String, Existing> found = new HashMap<>();
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    found.put(keyOf(rs.getLong(1), new IdempotencyKey(rs.getString(2), rs.getString(3))),
                            new Existing(rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6)));
                }
            }
            return found;
        }
    }

    private static String keyOf(long surveyId, IdempotencyKey key) {
        return key == null ? "" : surveyId + "\u0000" + key.scope() + "\u0000" + key.key();
    }

    private static <R, T> Array array(Connection connection, String type, List<R> rows, Function<R, T> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }
}
