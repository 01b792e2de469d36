package org.viche.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.viche.support.Api.asAdmin;
import static org.viche.support.Api.json;
import static org.viche.support.Invitations.codes;
import static org.viche.support.Invitations.openTokenSurvey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.viche.receipt.Sealer;
import org.viche.support.Schema;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Replays the attack of issue 10 against the database: someone who knows which code went to
 * whom (the person who handed them out) and holds a copy of the database tries to pair spent
 * codes with responses by physical order (ctid — also the order of a dump), transaction id
 * (xmin), timestamps, sequence values and seal membership. The attacker here is stronger than
 * a database copy alone: they also hold the service secret, so they can tell which mark is
 * which code (without it they cannot even do that — see docs/privacy.md).
 *
 * <p>Before sealing, the transaction id still pairs every code (the control: the attack is
 * real). After sealing, every signal carries nothing: pairing is no better than chance.
 */
@QuarkusTest
class PairingAttackTest {

    static final int CODES = 24;
    /** Under a random pairing the expected number of hits is 1; 7 or more happens about once in 10,000 runs. */
    static final int CHANCE_BOUND = 6;

    @Inject
    DataSource dataSource;

    @Inject
    Sealer sealer;

    @ConfigProperty(name = "viche.secret")
    String secret;

    @Test
    void afterSealingNothingPairsASpentCodeWithItsResponse() throws Exception {
        String slug = openTokenSurvey("pairing");
        List<String> issued = codes(slug, CODES);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < CODES; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random());
        for (int person : order) {
            // The comment stands for "the answers": it tells the test which person wrote the response.
            json().body(Map.of("region", "UA-14", "invitation", issued.get(person),
                    "answers", Map.of("arrangement", "dmz", "comment", "person-" + person)))
                    .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        }
        long surveyId = surveyId(slug);
        Map<String, Integer> personOfMark = marksOfEveryCode(surveyId, issued);

        // Control: before sealing, a spent mark and its response share their transaction id.
        assertEquals(CODES, hits(pairByXmin(surveyId, personOfMark)), "the attack works on unsealed rows");

        sealer.sealPending();

        List<Row> marks = rows("select encode(mark, 'hex'), xmin::text, ctid::text from viche.invitation_spent"
                + " where survey_id = ? order by ctid", surveyId);
        List<Row> responses = rows("select answers->>'comment', xmin::text, ctid::text from viche.response"
                + " where survey_id = ? order by ctid", surveyId);
        List<Row> byLeaf = rows("select answers->>'comment', xmin::text, ctid::text from viche.response"
                + " where survey_id = ? order by seal_id, leaf_index", surveyId);
        assertEquals(CODES, marks.size());
        assertEquals(CODES, responses.size());

        // Physical order (and so a dump's order): the k-th mark against the k-th response.
        int byPosition = 0;
        int byLeafOrder = 0;
        for (int k = 0; k < CODES; k++) {
            int person = personOfMark.get(marks.get(k).key());
            byPosition += responses.get(k).key().equals("person-" + person) ? 1 : 0;
            byLeafOrder += byLeaf.get(k).key().equals("person-" + person) ? 1 : 0;
        }
        assertTrue(byPosition <= CHANCE_BOUND, "pairing by physical order: " + byPosition + " of " + CODES);
        assertTrue(byLeafOrder <= CHANCE_BOUND, "pairing by leaf order: " + byLeafOrder + " of " + CODES);

        // Transaction ids: every mark was rewritten by the one sealing transaction.
        Set<String> markXmins = new TreeSet<>(marks.stream().map(Row::xmin).toList());
        assertEquals(1, markXmins.size(), "all marks share one xmin");
        assertEquals(0, hits(pairByXmin(surveyId, personOfMark)), "no mark shares its xmin with exactly its response");

        // Timestamps, sequences, seals: a mark has none of them.
        assertEquals(List.of("mark", "pending", "survey_id"), columns("invitation_spent"));
        assertEquals(0, count("""
                select count(*) from information_schema.columns where table_schema = 'viche'
                   and table_name in ('invitation_spent', 'invitation') and column_default is not null
                   and column_default not like 'true' and column_default not like 'false'""", null));
        assertEquals(0, count("select count(*) from viche.invitation_spent where survey_id = ? and pending", surveyId),
                "every mark of the sealed batch was rewritten");
    }

    @Test
    void withoutTheSecretADatabaseCopyCannotTellWhichCodeWasSpent() throws Exception {
        String slug = openTokenSurvey("pairing-nosecret");
        List<String> issued = codes(slug, 4);
        json().body(Map.of("region", "UA-14", "invitation", issued.get(2), "answers", Map.of("arrangement", "dmz")))
                .post("/api/v1/surveys/" + slug + "/responses").then().statusCode(201);
        long surveyId = surveyId(slug);
        String mark = rows("select encode(mark, 'hex'), xmin::text, ctid::text from viche.invitation_spent where survey_id = ?",
                surveyId).get(0).key();
        byte[] salt = salt(surveyId);
        // What the database alone allows: the codes' hashes, the salt. No keyed guess reaches the mark.
        for (String code : issued) {
            byte[] hash = sha256(canonical(code));
            for (byte[] key : List.of(new byte[0], salt, hash)) {
                assertFalse(mark.equals(HexFormat.of().formatHex(hmac(key.length == 0 ? new byte[1] : key, hash))));
            }
            assertFalse(mark.equals(HexFormat.of().formatHex(hash)));
        }
        // With the secret it is the third code: the secret, not the database, is what protects.
        assertEquals(mark, HexFormat.of().formatHex(markOf(surveyId, salt, issued.get(2))));

        // Closing the survey deletes the salt: from then on not even the secret pairs a code.
        asAdmin().post("/api/v1/surveys/" + slug + "/close").then().statusCode(200);
        assertEquals(0, count("select count(*) from viche.invitation_key where survey_id = ?", surveyId));
    }

    /** Marks the attacker computes for every issued code (they hold the codes, the secret and a DB copy). */
    private Map<String, Integer> marksOfEveryCode(long surveyId, List<String> issued) throws Exception {
        byte[] salt = salt(surveyId);
        Map<String, Integer> personOfMark = new HashMap<>();
        for (int i = 0; i < issued.size(); i++) {
            personOfMark.put(HexFormat.of().formatHex(markOf(surveyId, salt, issued.get(i))), i);
        }
        return personOfMark;
    }

    private byte[] markOf(long surveyId, byte[] salt, String code) throws Exception {
        byte[] key = hmac(secret.getBytes(StandardCharsets.UTF_8),
                ("viche-invitation-key-v1\n" + surveyId + "\n" + HexFormat.of().formatHex(salt)).getBytes(StandardCharsets.UTF_8));
        return hmac(key, sha256(canonical(code)));
    }

    /** For each mark, the response whose xmin equals the mark's, if exactly one does; true if it is the right one. */
    private List<Boolean> pairByXmin(long surveyId, Map<String, Integer> personOfMark) throws Exception {
        List<Row> marks = rows("select encode(mark, 'hex'), xmin::text, ctid::text from viche.invitation_spent where survey_id = ?",
                surveyId);
        List<Row> responses = rows("select answers->>'comment', xmin::text, ctid::text from viche.response where survey_id = ?",
                surveyId);
        List<Boolean> guesses = new ArrayList<>();
        for (Row mark : marks) {
            List<Row> same = responses.stream().filter(r -> r.xmin().equals(mark.xmin())).toList();
            guesses.add(same.size() == 1 && same.get(0).key().equals("person-" + personOfMark.get(mark.key())));
        }
        return guesses;
    }

    private static int hits(List<Boolean> guesses) {
        return (int) guesses.stream().filter(Boolean::booleanValue).count();
    }

    private record Row(String key, String xmin, String ctid) {
    }

    private List<Row> rows(String sql, long surveyId) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, surveyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return rows;
    }

    private long surveyId(String slug) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select id from viche.survey where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private byte[] salt(long surveyId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select salt from viche.invitation_key where survey_id = ?")) {
            query.setLong(1, surveyId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private long count(String sql, Long surveyId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            if (surveyId != null) {
                query.setLong(1, surveyId);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> columns(String table) throws Exception {
        return Schema.columns(dataSource, table);
    }

    private static byte[] canonical(String code) {
        return code.replace("-", "").toUpperCase().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
