package org.viche.invitation;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Code hashes in PostgreSQL, with plain JDBC: spending codes is part of the submission hot
 * path and runs on the connection of the caller's transaction, so that a code is spent if
 * and only if its response commits.
 */
@ApplicationScoped
public class InvitationStore {

    private static final String INSERT = """
            insert into invitation (survey_id, code_hash)
            select ?, h from unnest(?::bytea[]) as h
            on conflict do nothing
            returning code_hash
            """;

    /**
     * Records the marks of the listed codes that were issued for the survey and not spent yet;
     * the issued rows are only read (no lock, no write: nothing on them changes with a spend).
     * Concurrent attempts on one code queue on the mark's unique key: the first to commit wins,
     * the others find it and insert nothing.
     */
    private static final String SPEND = """
            insert into invitation_spent (survey_id, mark)
            select ?, c.mark from unnest(?::bytea[], ?::bytea[]) as c(code_hash, mark)
             where exists (select 1 from invitation i where i.survey_id = ? and i.code_hash = c.code_hash)
            on conflict do nothing
            returning mark
            """;

    private static final String TAKE_PENDING = "delete from invitation_spent where survey_id = ? and pending returning mark";

    private static final String PUT_BACK = """
            insert into invitation_spent (survey_id, mark, pending)
            select ?, t.mark, false from unnest(?::bytea[]) with ordinality as t(mark, i) order by t.i
            """;

    @Inject
    InvitationKeys keys;

    @Inject
    DataSource dataSource;

    /** Stores code hashes; returns those that were new (a hash already stored is skipped). */
    Set<ByteBuffer> insert(long surveyId, List<byte[]> hashes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            keys.ensure(connection, surveyId);
            insert.setLong(1, surveyId);
            insert.setArray(2, connection.createArrayOf("bytea", hashes.toArray(new byte[0][])));
            return hashes(insert);
        }
    }

    /**
     * Spends every listed code of the survey that was issued and is still unspent.
     *
     * @param hashes the codes' stored hashes ({@link InvitationCodes#hashOf})
     * @return the hashes that were spent now; any other was unknown or already used
     */
    public Set<ByteBuffer> spend(Connection connection, long surveyId, List<byte[]> hashes) throws SQLException {
        Optional<byte[]> key = keys.key(connection, surveyId);
        if (key.isEmpty()) {
            return Set.of();
        }
        Map<ByteBuffer, ByteBuffer> hashByMark = new HashMap<>();
        List<byte[]> marks = new ArrayList<>(hashes.size());
        for (byte[] hash : hashes) {
            byte[] mark = InvitationKeys.mark(key.get(), hash);
            marks.add(mark);
            hashByMark.put(ByteBuffer.wrap(mark), ByteBuffer.wrap(hash));
        }
        try (PreparedStatement spend = connection.prepareStatement(SPEND)) {
            spend.setLong(1, surveyId);
            spend.setArray(2, connection.createArrayOf("bytea", hashes.toArray(new byte[0][])));
            spend.setArray(3, connection.createArrayOf("bytea", marks.toArray(new byte[0][])));
            spend.setLong(4, surveyId);
            Set<ByteBuffer> spent = new HashSet<>();
            for (ByteBuffer mark : hashes(spend)) {
                spent.add(hashByMark.get(mark));
            }
            return spent;
        }
    }

    private static Set<ByteBuffer> hashes(PreparedStatement returningHashes) throws SQLException {
        Set<ByteBuffer> hashes = new HashSet<>();
        try (ResultSet rs = returningHashes.executeQuery()) {
            while (rs.next()) {
                hashes.add(ByteBuffer.wrap(rs.getBytes(1)));
            }
        }
        return hashes;
    }

    /**
     * Rewrites the survey's marks recorded since the last seal, in the sealer's transaction:
     * deleted and inserted again in the order of their values, they lose both the position
     * and the transaction id (xmin) they shared with their responses (V11__unlinkable_responses.sql).
     */
    public void shuffle(Connection connection, long surveyId) throws SQLException {
        List<byte[]> marks = new ArrayList<>();
        try (PreparedStatement take = connection.prepareStatement(TAKE_PENDING)) {
            take.setLong(1, surveyId);
            try (ResultSet rs = take.executeQuery()) {
                while (rs.next()) {
                    marks.add(rs.getBytes(1));
                }
            }
        }
        if (marks.isEmpty()) {
            return;
        }
        marks.sort(Arrays::compareUnsigned);
        try (PreparedStatement putBack = connection.prepareStatement(PUT_BACK)) {
            putBack.setLong(1, surveyId);
            putBack.setArray(2, connection.createArrayOf("bytea", marks.toArray(new byte[0][])));
            putBack.executeUpdate();
        }
    }
}
