package org.viche.invitation;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
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

    /** Row locks make concurrent attempts on one code queue; the first to commit wins, the rest see {@code used}. */
    private static final String SPEND = """
            update invitation set used = true, pending_seal = true
             where survey_id = ? and code_hash = any(?::bytea[]) and not used
            returning code_hash
            """;

    private static final String SETTLE = "update invitation set pending_seal = false where survey_id = ? and pending_seal";

    @Inject
    DataSource dataSource;

    /** Stores code hashes; returns those that were new (a hash already stored is skipped). */
    Set<ByteBuffer> insert(long surveyId, List<byte[]> hashes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, surveyId);
            insert.setArray(2, connection.createArrayOf("bytea", hashes.toArray(new byte[0][])));
            return hashes(insert);
        }
    }

    /**
     * Marks every listed, still unused code of the survey as used.
     *
     * @return the hashes that were spent now; any other was unknown or already used
     */
    public Set<ByteBuffer> spend(Connection connection, long surveyId, List<byte[]> hashes) throws SQLException {
        try (PreparedStatement spend = connection.prepareStatement(SPEND)) {
            spend.setLong(1, surveyId);
            spend.setArray(2, connection.createArrayOf("bytea", hashes.toArray(new byte[0][])));
            return hashes(spend);
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

    /** Rewrites the survey's recently spent codes, in the sealer's transaction (see V5__invitations.sql). */
    public void settle(Connection connection, long surveyId) throws SQLException {
        try (PreparedStatement settle = connection.prepareStatement(SETTLE)) {
            settle.setLong(1, surveyId);
            settle.executeUpdate();
        }
    }
}
