package org.viche.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The public snapshot of a survey's results, kept in PostgreSQL ({@code published_results}) so
 * that every instance serves the same figures. A snapshot older than the publish interval is
 * replaced by a conditional upsert: when two instances race, the second one's write is refused
 * and it serves the first one's snapshot, so each interval has exactly one published version.
 * Times come from the database clock, so instances with skewed clocks still agree.
 */
@ApplicationScoped
public class PublishedResults {

    private static final String READ = """
            select date_trunc('second', now()), p.body,
                   coalesce(p.published_at > now() - ? * interval '1 millisecond', false)
              from (values (1)) as one (x)
              left join published_results p on p.survey_id = ?
            """;

    private static final String PUBLISH = """
            insert into published_results as p (survey_id, published_at, body) values (?, ?, ?::jsonb)
            on conflict (survey_id) do update set published_at = excluded.published_at, body = excluded.body
             where p.published_at <= excluded.published_at - ? * interval '1 millisecond'
            """;

    private static final String REREAD = "select body from published_results where survey_id = ?";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    /**
     * @param compute computes fresh results stamped with the given time; called only when the
     *        stored snapshot is missing or older than {@code interval}
     */
    public ResultsView get(long surveyId, Duration interval, Function<OffsetDateTime, ResultsView> compute) {
        long intervalMillis = interval.toMillis();
        try {
            Stored stored = read(surveyId, intervalMillis);
            if (stored.fresh()) {
                return parse(stored.body());
            }
            // computed with no connection held: compute reads the tallies on a connection of its own
            ResultsView fresh = compute.apply(stored.now());
            String published = publish(surveyId, stored.now(), json.writeValueAsString(fresh), intervalMillis);
            return published == null ? fresh : parse(published);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read or publish results", e);
        }
    }

    private record Stored(OffsetDateTime now, String body, boolean fresh) {
    }

    private Stored read(long surveyId, long intervalMillis) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read = connection.prepareStatement(READ)) {
            read.setLong(1, intervalMillis);
            read.setLong(2, surveyId);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return new Stored(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getBoolean(3));
            }
        }
    }

    /** @return null when this snapshot was stored, else the one another instance stored first */
    private String publish(long surveyId, OffsetDateTime now, String body, long intervalMillis) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement publish = connection.prepareStatement(PUBLISH)) {
                publish.setLong(1, surveyId);
                publish.setObject(2, now);
                publish.setString(3, body);
                publish.setLong(4, intervalMillis);
                if (publish.executeUpdate() == 1) {
                    return null;
                }
            }
            return reread(connection, surveyId);
        }
    }

    private static String reread(Connection connection, long surveyId) throws SQLException {
        try (PreparedStatement reread = connection.prepareStatement(REREAD)) {
            reread.setLong(1, surveyId);
            try (ResultSet rs = reread.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private ResultsView parse(String body) throws JsonProcessingException {
        return json.readValue(body, ResultsView.class);
    }
}
