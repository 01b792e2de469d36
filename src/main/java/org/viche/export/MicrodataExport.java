package org.viche.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.viche.region.RegionCatalog;
import org.viche.region.RegionScheme;
import org.viche.results.RegionWeights;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Streams a survey's microdata as CSV in constant memory, however many responses it has: a
 * server-side cursor ({@link #FETCH_SIZE} rows at a time) feeds Commons CSV, which writes
 * straight to the response. Weights and rows come from one repeatable-read snapshot, so the
 * weights match exactly the rows in the file even while responses keep arriving.
 */
@ApplicationScoped
public class MicrodataExport {

    static final int FETCH_SIZE = 1000;

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /** Only counted responses: held (quarantined) and rejected ones are in no published figure either. */
    private static final String RESPONDENTS =
            "select region, count(*) from response where survey_id = ? and status = 'ACCEPTED' group by region";

    /**
     * The precise time never leaves the database: only its UTC date. Rows carry the export id,
     * never the id returned at submission, and within a day they are in export-id order,
     * which is random: nothing in the file follows the order of arrival.
     */
    private static final String RESPONSES = """
            select export_id, region, language, channel, (submitted_at at time zone 'UTC')::date as submitted_on, answers::text
              from response
             where survey_id = ? and status = 'ACCEPTED'
             order by submitted_on, export_id
            """;

    @Inject
    DataSource dataSource;

    @Inject
    RegionCatalog regions;

    @Inject
    ObjectMapper json;

    /** @param columns the codebook's variables to export, in file order */
    public StreamingOutput csv(SurveySnapshot survey, List<Variable> columns) {
        return output -> write(survey, columns, output);
    }

    void write(SurveySnapshot survey, List<Variable> columns, OutputStream output) throws IOException {
        List<Variable> questionColumns = columns.stream().filter(v -> v.question() != null).toList();
        Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter csv = new CSVPrinter(writer, FORMAT);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement snapshot = connection.createStatement()) {
                    snapshot.execute("set transaction isolation level repeatable read, read only");
                }
                RegionWeights weights = weights(connection, survey);
                csv.printRecord(columns.stream().map(Variable::name));
                try (PreparedStatement query = connection.prepareStatement(RESPONSES)) {
                    query.setFetchSize(FETCH_SIZE);
                    query.setLong(1, survey.id());
                    try (ResultSet rs = query.executeQuery()) {
                        List<String> cells = new ArrayList<>(columns.size());
                        while (rs.next()) {
                            cells.clear();
                            String region = rs.getString(2);
                            cells.add(rs.getString(1));
                            cells.add(region);
                            cells.add(rs.getString(3));
                            cells.add(rs.getString(4));
                            cells.add(rs.getString(5));
                            cells.add(Double.toString(weights.weight(region)));
                            AnswerCells.append(questionColumns, json.readTree(rs.getString(6)), cells);
                            csv.printRecord(cells);
                        }
                    }
                }
                csv.flush();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // the status line is already sent: failing the stream is the only way to tell the client
            throw new IOException("The microdata export failed", e);
        }
    }

    private RegionWeights weights(Connection connection, SurveySnapshot survey) throws SQLException {
        Map<String, Long> respondents = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(RESPONDENTS)) {
            query.setLong(1, survey.id());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    respondents.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return RegionWeights.of(respondents,
                regions.scheme(survey.definition().regionScheme()).map(RegionScheme::populations).orElse(Map.of()));
    }
}
