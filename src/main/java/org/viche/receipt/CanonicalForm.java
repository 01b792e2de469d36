package org.viche.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.viche.survey.QuestionType;
import org.viche.survey.SurveyDefinition.Question;
import org.viche.survey.SurveySnapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The canonical serialisation of a response, version 1 — the bytes its Merkle leaf hashes.
 * docs/receipts.md is the specification; this is its implementation, and
 * tools/VerifyLedger.java only reads its output. One JSON object, keys sorted, no
 * whitespace: {@code answers, channel, id, language, region, survey}. Free-text answers
 * stand as {@code "sha256:" + hex(SHA-256(salt ‖ UTF-8 text))} with the response's secret
 * random salt: the seal still commits to the text, but the ledger that researchers and
 * auditors receive cannot be searched for a guessed text.
 */
public final class CanonicalForm {

    static final String TEXT_PREFIX = "sha256:";
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String survey;
    private final Set<String> textQuestions;

    public CanonicalForm(SurveySnapshot survey) {
        this.survey = survey.slug();
        this.textQuestions = survey.definition().questionList().stream()
                .filter(q -> q.questionType() == QuestionType.TEXT).map(Question::key).collect(Collectors.toSet());
    }

    public String text(ResponseContent response) {
        JsonNode answers;
        try {
            answers = JSON.readTree(response.answersJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers are not JSON", e);
        }
        StringBuilder out = new StringBuilder(256);
        out.append("{\"answers\":{");
        List<String> keys = new ArrayList<>();
        answers.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (i > 0) {
                out.append(',');
            }
            string(out, key).append(':');
            JsonNode answer = answers.get(key);
            if (textQuestions.contains(key)) {
                string(out, commitment(response.textSalt(), answer.asText()));
            } else {
                value(out, answer);
            }
        }
        out.append("},\"channel\":");
        string(out, response.channel()).append(",\"id\":");
        string(out, response.id().toString()).append(",\"language\":");
        string(out, response.language()).append(",\"region\":");
        string(out, response.region()).append(",\"survey\":");
        return string(out, survey).append('}').toString();
    }

    public byte[] leaf(ResponseContent response) {
        return MerkleTree.leafHash(text(response).getBytes(StandardCharsets.UTF_8));
    }

    static String commitment(byte[] salt, String text) {
        if (salt == null) {
            throw new IllegalStateException("A text answer without its salt cannot be sealed");
        }
        MessageDigest sha = MerkleTree.sha256();
        sha.update(salt);
        return TEXT_PREFIX + HEX.formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers other than text: option keys (strings), lists of them, and whole numbers. */
    private static void value(StringBuilder out, JsonNode node) {
        if (node.isTextual()) {
            string(out, node.asText());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue().toString());
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            while (elements.hasNext()) {
                value(out, elements.next());
                if (elements.hasNext()) {
                    out.append(',');
                }
            }
            out.append(']');
        } else {
            throw new IllegalStateException("No canonical form for a stored answer of type " + node.getNodeType());
        }
    }

    /**
     * A JSON string as RFC 8785 (JCS) writes it: quote, backslash and control characters
     * escaped (the short forms for backspace, tab, newline, form feed and carriage return;
     * other control characters as a backslash, "u" and four lower-case hex digits), every
     * other character as itself.
     */
    static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
