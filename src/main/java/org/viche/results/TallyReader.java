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

/**
 * Reads a survey's roll-up. Its cost depends on the number of questions, options and
 * regions — never on the number of responses, which are not read at all.
 */
@ApplicationScoped
public class TallyReader {

    /** Slots summed; the source is kept so one query serves both readers. */
    private static final String SUM_SLOTS = """
            select source, question, region, bucket, sum(count), sum(key_sum) from tally
             where survey_id = ? group by source, question, region, bucket
            """;

    @Inject
    DataSource dataSource;

    /** The whole roll-up, every source together: what results are computed from. */
    public TallySnapshot read(long surveyId) {
        TallySnapshot snapshot = new TallySnapshot();
        readRows(surveyId, (source, question, region, bucket, count, keySum) -> snapshot.add(question, region, bucket, count, keySum));
        return snapshot;
    }

    /** The roll-up split by source ({@code WEB}, {@code API}, {@code API:<partner token id>}). */
    public Map<String, TallySnapshot> readBySource(long surveyId) {
        Map<String, TallySnapshot> bySource = new TreeMap<>();
        readRows(surveyId, (source, question, region, bucket, count, keySum) ->
                bySource.computeIfAbsent(source, s -> new TallySnapshot()).add(question, region, bucket, count, keySum));
        return bySource;
    }

    private interface RowSink {
        void accept(String source, String question, String region, String bucket, long count, long keySum);
    }

    private void readRows(long surveyId, RowSink sink) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SUM_SLOTS)) {
            query.setLong(1, surveyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read results", e);
        }
    }
}
