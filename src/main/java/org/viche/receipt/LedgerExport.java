package org.viche.receipt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.viche.survey.SurveySnapshot;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The ledger: every sealed response of a survey in its canonical form, seal by seal in leaf
 * order — with the chain of seals, all an outsider needs to recompute every root
 * (tools/VerifyLedger.java). Streamed row by row through a database cursor, so a survey of
 * millions costs no more memory than one of ten. Free text is in it only as the salted
 * commitment the seal holds, so researchers may have it like the microdata.
 */
@ApplicationScoped
public class LedgerExport {

    static final String[] HEADER = {"seal_id", "leaf_index", "response_id", "canonical"};
    private static final int FETCH_SIZE = 1000;

    private static final String SEALED = """
            select r.seal_id, r.leaf_index, r.export_id, r.region, r.language, r.channel, r.answers::text, r.text_salt
              from seal s join response r on r.seal_id = s.id
             where s.survey_id = ?
             order by s.id, r.leaf_index
            """;

    @Inject
    DataSource dataSource;

    public void write(SurveySnapshot survey, OutputStream output) {
        CanonicalForm canonical = new CanonicalForm(survey);
        QuarkusTransaction.requiringNew().run(() -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(SEALED);
                    CSVPrinter csv = new CSVPrinter(writer,
                            CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get())) {
                query.setFetchSize(FETCH_SIZE);
                query.setLong(1, survey.id());
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        ResponseContent response = SealStore.content(rs, 3);
                        csv.printRecord(rs.getLong(1), rs.getInt(2), response.id(), canonical.text(response));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The ledger could not be read", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
