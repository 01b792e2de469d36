package org.viche.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.viche.survey.SurveyDefinition;
import org.viche.survey.SurveySnapshot;
import org.viche.survey.SurveyStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

class CanonicalFormTest {

    static final UUID ID = UUID.fromString("0b6f1c1e-8a1e-4c55-9a43-2f8e2c1d7f10");
    static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    static SurveySnapshot survey() throws Exception {
        Map<String, Object> definition = Map.of("slug", "s1", "title", Map.of("en", "S"), "regionScheme", "UA",
                "questions", List.of(
                        Map.of("key", "trust", "type", "SCALE", "min", 1, "max", 5, "text", Map.of("en", "T")),
                        Map.of("key", "arrangement", "type", "SINGLE_CHOICE", "text", Map.of("en", "A"),
                                "options", List.of(Map.of("key", "sez", "text", Map.of("en", "x")))),
                        Map.of("key", "guarantees", "type", "MULTIPLE_CHOICE", "text", Map.of("en", "G"),
                                "options", List.of(Map.of("key", "us", "text", Map.of("en", "x")))),
                        Map.of("key", "comment", "type", "TEXT", "text", Map.of("en", "C"))));
        ObjectMapper json = new ObjectMapper();
        SurveyDefinition parsed = json.readValue(json.writeValueAsString(definition), SurveyDefinition.class);
        return new SurveySnapshot(1, "s1", SurveyStatus.OPEN, false, parsed, List.of("UA-14"), null, null, null);
    }

    @Test
    void isSortedCompactJsonWithTextAsASaltedCommitment() throws Exception {
        String stored = "{\"trust\": 4, \"arrangement\": \"sez\", \"guarantees\": [\"us\", \"eu\"], \"comment\": \"Hi \\\"you\\\"\"}";
        String text = new CanonicalForm(survey()).text(new ResponseContent(ID, "UA-14", "uk", "WEB", stored, SALT));
        String commitment = sha256Hex(SALT, "Hi \"you\"");
        assertEquals("{\"answers\":{\"arrangement\":\"sez\",\"comment\":\"sha256:" + commitment + "\","
                + "\"guarantees\":[\"us\",\"eu\"],\"trust\":4},\"channel\":\"WEB\","
                + "\"id\":\"0b6f1c1e-8a1e-4c55-9a43-2f8e2c1d7f10\",\"language\":\"uk\",\"region\":\"UA-14\",\"survey\":\"s1\"}",
                text);
    }

    @Test
    void escapesStringsAsJcsDoes() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u001f\u00e9\u0416\ud83d\ude00/\"",
                CanonicalForm.string(new StringBuilder(), "a\"b\\c\n\t\u001f\u00e9\u0416\ud83d\ude00/").toString());
    }

    @Test
    void theSaltChangesTheCommitmentButNotTheTextsMeaning() {
        assertNotEquals(CanonicalForm.commitment(SALT, "same words"), CanonicalForm.commitment(new byte[16], "same words"));
        assertEquals(CanonicalForm.commitment(SALT, "same words"), CanonicalForm.commitment(SALT.clone(), "same words"));
    }

    @Test
    void theLeafHashesTheUtf8BytesWithTheLeafPrefix() throws Exception {
        ResponseContent response = new ResponseContent(ID, "UA-14", "ru", "API", "{\"trust\": 1}", null);
        CanonicalForm form = new CanonicalForm(survey());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        assertEquals(HexFormat.of().formatHex(sha.digest(form.text(response).getBytes(StandardCharsets.UTF_8))),
                HexFormat.of().formatHex(form.leaf(response)));
    }

    @Test
    void theSealHashCoversItsCanonicalText() throws Exception {
        Seal seal = new Seal(7, "s1", new byte[32], 3, Instant.parse("2026-05-01T12:00:00.987Z"), Seal.GENESIS);
        String zeros = "0".repeat(64);
        assertEquals("viche-seal-v1\nid=7\nsurvey=s1\nroot=" + zeros + "\nsize=3\nprevious=" + zeros
                + "\nsealed=2026-05-01T12:00:00Z\n", seal.text());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seal.text().getBytes(StandardCharsets.UTF_8))),
                HexFormat.of().formatHex(seal.hash()));
    }

    private static String sha256Hex(byte[] salt, String text) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(salt);
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
