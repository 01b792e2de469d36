package org.viche.response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.viche.results.TallyBuckets.Counter;
import org.viche.results.TallyWriter;

/**
 * Writes responses with plain JDBC: this is the hot path (a burst after a broadcast), where
 * an ORM's entity bookkeeping buys nothing. Runs inside the caller's JTA transaction; the
 * Agroal connection is enlisted in it, so the insert and its tally commit together.
 */
@ApplicationScoped
public class ResponseStore {

    /** A response to store, with answers already validated and normalised. */
    public record NewResponse(long surveyId, String region, String language, Channel channel, UUID partnerId,
            String answersJson, IdempotencyKey idempotency, byte[] requestHash, List<Counter> counters) {
    }

    /** What a stored response with the same idempotency key looks like. */
    record Existing(UUID id, String receipt, byte[] requestHash) {
        boolean sameRequest(byte[] hash) {
            return Arrays.equals(requestHash, hash);
        }
    }

    private static final String INSERT = """
            insert into response (id, survey_id, region, language, channel, partner_id, answers, receipt,
                                  idempotency_scope, idempotency_key, request_hash)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            on conflict on constraint response_idempotency_unique do nothing
            """;

    private static final String FIND_BY_KEY = """
            select id, receipt, request_hash from response
             where survey_id = ? and idempotency_scope = ? and idempotency_key = ?
            """;

    @Inject
    DataSource dataSource;

    @Inject
    TallyWriter tallies;

    /**
     * Inserts the response and its counters; if a response with the same idempotency key
     * exists already, stores nothing and returns that one instead.
     */
    public StoreOutcome insert(NewResponse r) throws SQLException {
        UUID id = UUID.randomUUID();
        String receipt = ReceiptCodes.next();
        try (Connection connection = dataSource.getConnection()) {
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, id);
                insert.setLong(2, r.surveyId());
                insert.setString(3, r.region());
                insert.setString(4, r.language());
                insert.setString(5, r.channel().name());
                insert.setObject(6, r.partnerId(), Types.OTHER);
                insert.setString(7, r.answersJson());
                insert.setString(8, receipt);
                insert.setString(9, r.idempotency() == null ? null : r.idempotency().scope());
                insert.setString(10, r.idempotency() == null ? null : r.idempotency().key());
                insert.setBytes(11, r.requestHash());
                inserted = insert.executeUpdate();
            }
            if (inserted == 1) {
                tallies.add(connection, r.surveyId(), r.region(), r.counters());
                return new StoreOutcome(new Receipt(id, receipt), false, true);
            }
            Existing existing = findByKey(connection, r.surveyId(), r.idempotency()).orElseThrow(
                    () -> new SQLException("Idempotency conflict without a stored row"));
            return new StoreOutcome(new Receipt(existing.id(), existing.receipt()), true,
                    existing.sameRequest(r.requestHash()));
        }
    }

    private Optional<Existing> findByKey(Connection connection, long surveyId, IdempotencyKey key) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND_BY_KEY)) {
            find.setLong(1, surveyId);
            find.setString(2, key.scope());
            find.setString(3, key.key());
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Existing(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)));
            }
        }
    }

    /**
     * @param replayed an earlier response with the same key was found (nothing new stored)
     * @param sameRequest for a replay: whether the earlier body was the same
     */
    public record StoreOutcome(Receipt receipt, boolean replayed, boolean sameRequest) {
    }
}
