package org.viche.receipt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The SQL of sealing and of reading seals back, on the caller's connection (and so in the
 * caller's transaction). Plain JDBC: the sealer moves thousands of rows per statement.
 */
@ApplicationScoped
public class SealStore {

    /** Any constant works, as long as nothing else takes the same advisory lock. */
    static final long SEALER_LOCK = 0x5649434845_5345L;

    private static final String UNSEALED = """
            select export_id, region, language, channel, answers::text, text_salt from response
             where survey_id = ? and seal_id is null
               -- counted: by the roll-up (its seq may go), or by the path that wrote it (no seq)
               and (seq is null or seq <= (select folded from tally_watermark))
             order by submitted_at, id
             limit ?
            """;

    private static final String INSERT_SEAL = """
            insert into seal (id, survey_id, root, size, sealed_at, previous, hash) values (?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String INSERT_LEAVES = """
            insert into seal_leaf (seal_id, leaf_index, hash)
            select ?, t.i - 1, t.h from unnest(?::bytea[]) with ordinality as t(h, i)
            """;

    /**
     * Sealed responses lose their {@code seq}: it told the roll-up the order of arrival, which a
     * seal must not keep (its leaves, and the rows it rewrites, stand in hash order).
     */
    private static final String MARK_SEALED = """
            update response r set seal_id = ?, leaf_index = t.i - 1, seq = null
              from unnest(?::uuid[]) with ordinality as t(export_id, i)
             where r.export_id = t.export_id
            """;

    private static final String SEAL_COLUMNS = "s.id, sv.slug, s.root, s.size, s.sealed_at, s.previous, s.hash";

    /** A seal as stored, with the hash stored beside it when it was made. */
    public record Stored(Seal seal, byte[] hash) {
    }

    /** A stored response with where it was sealed, if it was. */
    public record Located(long surveyId, ResponseContent content, Long sealId, Integer leafIndex) {
    }

    boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, SEALER_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    List<Long> surveysWithUnsealed(Connection connection) throws SQLException {
        List<Long> surveys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select distinct survey_id from response where seal_id is null order by survey_id");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                surveys.add(rs.getLong(1));
            }
        }
        return surveys;
    }

    /**
     * The oldest unsealed responses of a survey (which ones go into the next seal), by export
     * id; the seal orders them by leaf hash, not by this order.
     */
    List<ResponseContent> unsealed(Connection connection, long surveyId, int limit) throws SQLException {
        List<ResponseContent> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(UNSEALED)) {
            query.setLong(1, surveyId);
            query.setInt(2, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(content(rs, 1));
                }
            }
        }
        return rows;
    }

    /** The hash of the survey's latest seal, or {@link Seal#GENESIS}. */
    byte[] headHash(Connection connection, long surveyId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select hash from seal where survey_id = ? order by id desc limit 1")) {
            query.setLong(1, surveyId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : Seal.GENESIS;
            }
        }
    }

    long nextSealId(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select nextval(pg_get_serial_sequence('seal', 'id'))");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stores the seal, its leaves in order, and each response's place in it (responses named by export id). */
    void insert(Connection connection, long surveyId, Seal seal, List<byte[]> leaves, List<UUID> responses)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SEAL)) {
            insert.setLong(1, seal.id());
            insert.setLong(2, surveyId);
            insert.setBytes(3, seal.root());
            insert.setInt(4, seal.size());
            insert.setTimestamp(5, Timestamp.from(seal.sealedAt()));
            insert.setBytes(6, seal.previous());
            insert.setBytes(7, seal.hash());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_LEAVES)) {
            insert.setLong(1, seal.id());
            insert.setArray(2, connection.createArrayOf("bytea", leaves.toArray(new byte[0][])));
            insert.executeUpdate();
        }
        try (PreparedStatement mark = connection.prepareStatement(MARK_SEALED)) {
            mark.setLong(1, seal.id());
            mark.setArray(2, connection.createArrayOf("uuid", responses.toArray()));
            mark.executeUpdate();
        }
    }

    /** The survey's seals, oldest first. */
    public List<Stored> chain(Connection connection, long surveyId) throws SQLException {
        List<Stored> seals = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select " + SEAL_COLUMNS
                + " from seal s join survey sv on sv.id = s.survey_id where s.survey_id = ? order by s.id")) {
            query.setLong(1, surveyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    seals.add(seal(rs));
                }
            }
        }
        return seals;
    }

    Optional<Stored> seal(Connection connection, long sealId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select " + SEAL_COLUMNS
                + " from seal s join survey sv on sv.id = s.survey_id where s.id = ?")) {
            query.setLong(1, sealId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(seal(rs)) : Optional.empty();
            }
        }
    }

    List<byte[]> leaves(Connection connection, long sealId) throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select hash from seal_leaf where seal_id = ? order by leaf_index")) {
            query.setLong(1, sealId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    leaves.add(rs.getBytes(1));
                }
            }
        }
        return leaves;
    }

    Optional<Located> byReceipt(Connection connection, String receipt) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select export_id, region, language, channel, answers::text, text_salt, survey_id, seal_id, leaf_index
                  from response where receipt = ?""")) {
            query.setString(1, receipt);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Located(rs.getLong(7), content(rs, 1), rs.getObject(8, Long.class),
                        rs.getObject(9, Integer.class)));
            }
        }
    }

    /**
     * Reads {@code export_id, region, language, channel, answers, text_salt} starting at column
     * {@code first}: the canonical form names a response by its export id, never by the id
     * returned to its submitter.
     */
    static ResponseContent content(ResultSet rs, int first) throws SQLException {
        return new ResponseContent(rs.getObject(first, UUID.class), rs.getString(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getBytes(first + 5));
    }

    private static Stored seal(ResultSet rs) throws SQLException {
        return new Stored(new Seal(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant(), rs.getBytes(6)), rs.getBytes(7));
    }
}
