package org.viche.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Reads a survey's roll-up. Its cost depends on the number of questions, options and
 * regions — never on the number of responses, which are not read at all.
 */
@ApplicationScoped
public class TallyReader {

    private static final String SUM_SLOTS = """
            select question, region, bucket, sum(count) from tally
             where survey_id = ? group by question, region, bucket
            """;

    private static final String SUM_SLOTS_BY_SOURCE = """
            select source, question, region, bucket, sum(count) from tally
             where survey_id = ? group by source, question, region, bucket
            """;

    @Inject
    DataSource dataSource;

    /** The roll-up split by source ({@code WEB}, {@code API}, {@code API:<partner token id>}). */
    public java.util.Map<String, TallySnapshot> readBySource(long surveyId) {
        java.util.Map<String, TallySnapshot> bySource = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SUM_SLOTS_BY_SOURCE)) {
            query.setLong(1, surveyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    bySource.computeIfAbsent(rs.getString(1), s -> new TallySnapshot())
                            .add(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read results", e);
        }
        return bySource;
    }

    public TallySnapshot read(long surveyId) {
        TallySnapshot snapshot = new TallySnapshot();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SUM_SLOTS)) {
            query.setLong(1, surveyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    snapshot.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read results", e);
        }
        return snapshot;
    }
}
