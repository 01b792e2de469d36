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
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.viche.invitation.InvitationStore;
import org.viche.quarantine.QuarantineReason;
import org.viche.results.CellKeys;
import org.viche.results.TallyBuckets;
import org.viche.results.TallyBuckets.Counter;
import org.viche.results.TallyWriter;

/**
 * Writes responses with plain JDBC: this is the hot path (a burst after a broadcast), where
 * an ORM's entity bookkeeping buys nothing. One statement inserts a whole batch (arrays
 * unnested server-side: one round trip), one more adds the counters. Runs inside the
 * caller's JTA transaction — the Agroal connection is enlisted in it — so responses and
 * their counts commit together or not at all.
 */
@ApplicationScoped
public class ResponseStore {

    /**
     * A response to store, with answers already validated and normalised.
     *
     * @param invitation the stored form of the invitation code to spend, for TOKEN surveys
     * @param textSalt the salt of the sealed commitments to its text answers (docs/receipts.md), if any
     * @param quarantine why it is held back uncounted, or null to count it
     */
    public record NewResponse(long surveyId, String region, String language, Channel channel, UUID partnerId,
            String answersJson, IdempotencyKey idempotency, byte[] requestHash, List<Counter> counters,
            byte[] invitation, byte[] textSalt, QuarantineReason quarantine) {

        public NewResponse heldFor(QuarantineReason reason) {
            return new NewResponse(surveyId, region, language, channel, partnerId, answersJson, idempotency, requestHash,
                    counters, invitation, textSalt, reason);
        }

        /** What it adds to the tally: its answers, or only to the count of held responses. */
        List<Counter> tallied() {
            return quarantine == null ? counters : TallyBuckets.held(quarantine.name());
        }

        String status() {
            return quarantine == null ? "ACCEPTED" : "QUARANTINED";
        }
    }

    /** The tally source: channel, plus the partner for partner submissions. */
    public static String source(String channel, UUID partnerId) {
        return partnerId == null ? channel : channel + ":" + partnerId;
    }

    /**
     * @param replayed an earlier response with the same idempotency key was found; nothing new was stored
     * @param sameRequest for a replay: whether the earlier request body was the same
     * @param invitationRefused the invitation code was unknown or already used; nothing was stored
     * @param surveyClosed the survey was no longer open when the transaction looked; nothing was stored
     */
    public record StoreOutcome(Receipt receipt, boolean replayed, boolean sameRequest, boolean invitationRefused,
            boolean surveyClosed) {

        static StoreOutcome stored(Receipt receipt) {
            return new StoreOutcome(receipt, false, true, false, false);
        }

        static StoreOutcome closed() {
            return new StoreOutcome(null, false, false, false, true);
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
                                  record_key)
            select r.id, r.survey_id, r.region, r.language, r.channel, r.partner_id, r.answers::jsonb, r.receipt,
                   r.scope, r.key, decode(r.hash, 'hex'), decode(r.salt, 'hex'), r.status, r.reason, r.record_key
              from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::smallint[])
                   as r(id, survey_id, region, language, channel, partner_id, answers, receipt, scope, key, hash, salt,
                        status, reason, record_key)
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
    TallyWriter tallies;

    @Inject
    InvitationStore invitations;


    /**
     * Stores every response whose idempotency key is new and returns, in order, either its
     * new receipt or — for a key seen before (earlier, or earlier in this batch) — the
     * receipt of the response first stored under it. A new response that carries an
     * invitation code is kept only if it spends the code (a retry spends nothing); otherwise
     * its row is removed again before anything commits.
     */
    public List<StoreOutcome> insertAll(List<NewResponse> batch) throws SQLException {
        List<UUID> ids = new ArrayList<>(batch.size());
        List<String> receipts = new ArrayList<>(batch.size());
        List<Short> recordKeys = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            ids.add(UUID.randomUUID());
            receipts.add(ReceiptCodes.next());
            recordKeys.add(CellKeys.newRecordKey());
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<Long> open = lockOpenSurveys(connection, batch);
            List<NewResponse> toInsert = new ArrayList<>();
            List<UUID> toInsertIds = new ArrayList<>();
            List<String> toInsertReceipts = new ArrayList<>();
            List<Short> toInsertKeys = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (open.contains(batch.get(i).surveyId())) {
                    toInsert.add(batch.get(i));
                    toInsertIds.add(ids.get(i));
                    toInsertReceipts.add(receipts.get(i));
                    toInsertKeys.add(recordKeys.get(i));
                }
            }
            Set<UUID> inserted = toInsert.isEmpty() ? new HashSet<>()
                    : insertRows(connection, toInsert, toInsertIds, toInsertReceipts, toInsertKeys);
            Set<UUID> refused = spendInvitations(connection, batch, ids, inserted);
            inserted.removeAll(refused);
            List<TallyWriter.Target> counted = new ArrayList<>();
            List<NewResponse> replays = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                NewResponse r = batch.get(i);
                if (!open.contains(r.surveyId())) {
                    continue;
                }
                if (inserted.contains(ids.get(i))) {
                    counted.add(new TallyWriter.Target(r.surveyId(), r.region(), source(r.channel().name(), r.partnerId()),
                            r.tallied(), recordKeys.get(i)));
                } else if (!refused.contains(ids.get(i))) {
                    replays.add(r);
                }
            }
            tallies.add(connection, counted);
            Map<String, Existing> existing = replays.isEmpty() ? Map.of() : findByKeys(connection, replays);
            List<StoreOutcome> outcomes = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                NewResponse r = batch.get(i);
                if (!open.contains(r.surveyId())) {
                    outcomes.add(StoreOutcome.closed());
                } else if (inserted.contains(ids.get(i))) {
                    outcomes.add(StoreOutcome.stored(new Receipt(ids.get(i), receipts.get(i))));
                } else if (refused.contains(ids.get(i))) {
                    outcomes.add(new StoreOutcome(null, false, false, true, false));
                } else {
                    Existing first = existing.get(keyOf(r.surveyId(), r.idempotency()));
                    if (first == null) {
                        throw new SQLException("Idempotency conflict without a stored row");
                    }
                    boolean same = first.requestHash() != null && r.requestHash() != null
                            && first.requestHash().equals(HEX.formatHex(r.requestHash()));
                    outcomes.add(new StoreOutcome(new Receipt(first.id(), first.receipt()), true, same, false, false));
                }
            }
            return outcomes;
        }
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

    private Set<UUID> insertRows(Connection connection, List<NewResponse> batch, List<UUID> ids, List<String> receipts,
            List<Short> recordKeys) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            insert.setArray(2, array(connection, "bigint", batch, NewResponse::surveyId));
            insert.setArray(3, array(connection, "text", batch, NewResponse::region));
            insert.setArray(4, array(connection, "text", batch, NewResponse::language));
            insert.setArray(5, array(connection, "text", batch, r -> r.channel().name()));
            insert.setArray(6, array(connection, "uuid", batch, NewResponse::partnerId));
            insert.setArray(7, array(connection, "text", batch, NewResponse::answersJson));
            insert.setArray(8, connection.createArrayOf("text", receipts.toArray()));
            insert.setArray(9, array(connection, "text", batch, r -> r.idempotency() == null ? null : r.idempotency().scope()));
            insert.setArray(10, array(connection, "text", batch, r -> r.idempotency() == null ? null : r.idempotency().key()));
            insert.setArray(11, array(connection, "text", batch,
                    r -> r.requestHash() == null ? null : HEX.formatHex(r.requestHash())));
            insert.setArray(12, array(connection, "text", batch,
                    r -> r.textSalt() == null ? null : HEX.formatHex(r.textSalt())));
            insert.setArray(13, array(connection, "text", batch, NewResponse::status));
            insert.setArray(14, array(connection, "text", batch, r -> r.quarantine() == null ? null : r.quarantine().name()));
            insert.setArray(15, connection.createArrayOf("smallint", recordKeys.toArray()));
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
    private Set<UUID> spendInvitations(Connection connection, List<NewResponse> batch, List<UUID> ids, Set<UUID> inserted)
            throws SQLException {
        Map<Long, List<byte[]>> codesBySurvey = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).invitation() != null && inserted.contains(ids.get(i))) {
                codesBySurvey.computeIfAbsent(batch.get(i).surveyId(), s -> new ArrayList<>()).add(batch.get(i).invitation());
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
        for (int i = 0; i < batch.size(); i++) {
            NewResponse r = batch.get(i);
            if (r.invitation() != null && inserted.contains(ids.get(i))
                    && !spent.remove(r.surveyId() + ":" + HEX.formatHex(r.invitation()))) {
                refused.add(ids.get(i));
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

    private static <T> Array array(Connection connection, String type, List<NewResponse> batch,
            Function<NewResponse, T> column) throws SQLException {
        return connection.createArrayOf(type, batch.stream().map(column).toArray());
    }
}
