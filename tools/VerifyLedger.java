/*
 * VerifyLedger: checks a Viche survey's ledger against its chain of seals, independently of
 * the Viche service, with nothing but a JDK 17 or later (run straight from source, no build).
 *
 *   WORK=$(mktemp -d)
 *   curl -H "Authorization: Bearer $TOKEN" https://viche.example/api/v1/surveys/SLUG/ledger.csv -o "$WORK/ledger.csv"
 *   curl https://viche.example/api/v1/surveys/SLUG/seals -o "$WORK/seals.json"
 *   java path/to/VerifyLedger.java "$WORK/ledger.csv" "$WORK/seals.json"
 *
 * It reads only the two files it is given and writes nothing, so it runs from any directory.
 *
 * For every seal it recomputes, from the ledger alone:
 *   - each leaf:  SHA-256(0x00 || UTF-8 bytes of the canonical text), as RFC 6962 defines leaves;
 *   - the root:   the RFC 6962 Merkle tree hash over the leaves in leaf_index order
 *                 (node = SHA-256(0x01 || left || right), split at the largest power of two below n);
 *   - the size:   leaf indexes 0..size-1, each exactly once;
 *   - the link:   SHA-256 of the seal's canonical text (docs/receipts.md) must be the seal's hash
 *                 and the next seal's "previous"; the first seal's previous is 64 zeros;
 * and that each canonical text names the survey and the response_id of its row.
 * Every mismatch is printed on its own line, naming the seal. Exit code 0: all verified;
 * 1: a mismatch; 2: the files could not be read.
 *
 * Why the CSV and JSON readers are written out below instead of taken from a library: an
 * auditor must be able to read the whole verifier in this one file, and run it without
 * downloading anything. They are deliberately minimal: RFC 4180 CSV (quoted fields, doubled
 * quotes, LF or CRLF line ends) and plain JSON (objects, arrays, strings, numbers, true,
 * false, null), which is all the two files ever contain.
 */

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class VerifyLedger {

    static final String GENESIS = "0".repeat(64);
    static final List<String> HEADER = List.of("seal_id", "leaf_index", "response_id", "canonical");
    static final HexFormat HEX = HexFormat.of();

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Verifies and reports to {@code out}; returns the exit code. */
    static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("usage: java VerifyLedger.java ledger.csv seals.json");
            return 2;
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> chain;
        int responses;
        try {
            List<List<String>> rows = Csv.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
            chain = asObject(new Json(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8)).document(), "seals.json");
            responses = verify(rows, chain, problems);
        } catch (IOException | RuntimeException e) {
            out.println("cannot read the input: " + e);
            return 2;
        }
        problems.forEach(p -> out.println("MISMATCH " + p));
        if (problems.isEmpty()) {
            out.println("OK: " + ((List<?>) chain.get("seals")).size() + " seals and " + responses
                    + " responses of survey " + chain.get("survey") + " verified");
            return 0;
        }
        out.println("FAILED: " + problems.size() + " mismatch(es)");
        return 1;
    }

    /** Checks everything, adding one line per problem; returns the number of ledger rows. */
    static int verify(List<List<String>> rows, Map<String, Object> chain, List<String> problems) {
        if (rows.isEmpty() || !rows.get(0).equals(HEADER)) {
            problems.add("ledger: the header must be " + String.join(",", HEADER));
            return 0;
        }
        String survey = String.valueOf(chain.get("survey"));
        Map<Long, Map<Integer, byte[]>> leavesBySeal = new TreeMap<>();
        for (int line = 1; line < rows.size(); line++) {
            readRow(rows.get(line), line + 1, survey, leavesBySeal, problems);
        }
        String previousHash = GENESIS;
        long previousId = Long.MIN_VALUE;
        for (Object element : (List<?>) chain.get("seals")) {
            Map<String, Object> seal = asObject(element, "a seal");
            long id = ((Number) seal.get("id")).longValue();
            String name = "seal " + id + ": ";
            if (id <= previousId) {
                problems.add(name + "seals are not in ascending id order");
            }
            if (!previousHash.equals(seal.get("previous"))) {
                problems.add(name + "previous is " + seal.get("previous") + " but the seal before hashes to " + previousHash);
            }
            String hash = hex(sha256(sealText(survey, seal).getBytes(StandardCharsets.UTF_8)));
            if (!hash.equals(seal.get("hash"))) {
                problems.add(name + "its fields hash to " + hash + ", not to the published " + seal.get("hash"));
            }
            checkTree(name, seal, leavesBySeal.remove(id), problems);
            previousHash = hash;
            previousId = id;
        }
        for (long orphan : leavesBySeal.keySet()) {
            problems.add("seal " + orphan + ": in the ledger but not in the chain of seals");
        }
        return rows.size() - 1;
    }

    private static void readRow(List<String> row, int line, String survey, Map<Long, Map<Integer, byte[]>> leavesBySeal,
            List<String> problems) {
        if (row.size() != HEADER.size()) {
            problems.add("ledger line " + line + ": expected " + HEADER.size() + " fields, found " + row.size());
            return;
        }
        long sealId;
        int index;
        try {
            sealId = Long.parseLong(row.get(0));
            index = Integer.parseInt(row.get(1));
        } catch (NumberFormatException e) {
            problems.add("ledger line " + line + ": seal_id and leaf_index must be whole numbers");
            return;
        }
        String canonical = row.get(3);
        try {
            Map<String, Object> content = asObject(new Json(canonical).document(), "canonical");
            if (!row.get(2).equals(content.get("id")) || !survey.equals(content.get("survey"))) {
                problems.add("seal " + sealId + ": ledger line " + line + " is not response " + row.get(2) + " of " + survey);
            }
        } catch (RuntimeException e) {
            problems.add("seal " + sealId + ": ledger line " + line + " holds no canonical JSON: " + e.getMessage());
        }
        byte[] leaf = sha256(concat(new byte[] {0}, canonical.getBytes(StandardCharsets.UTF_8)));
        if (leavesBySeal.computeIfAbsent(sealId, s -> new TreeMap<>()).put(index, leaf) != null) {
            problems.add("seal " + sealId + ": leaf index " + index + " appears twice");
        }
    }

    private static void checkTree(String name, Map<String, Object> seal, Map<Integer, byte[]> leaves, List<String> problems) {
        int size = ((Number) seal.get("size")).intValue();
        List<byte[]> ordered = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] leaf = leaves == null ? null : leaves.get(i);
            if (leaf == null) {
                problems.add(name + "leaf " + i + " of " + size + " is missing from the ledger");
                return;
            }
            ordered.add(leaf);
        }
        if (leaves.size() != size) {
            problems.add(name + "the ledger has " + leaves.size() + " leaves for a seal of size " + size);
            return;
        }
        String root = hex(treeHash(ordered, 0, size));
        if (!root.equals(seal.get("root"))) {
            problems.add(name + "the ledger's responses give root " + root + ", not the sealed " + seal.get("root"));
        }
    }

    /** The canonical text whose SHA-256 is a seal's hash (docs/receipts.md); every line ends in LF. */
    static String sealText(String survey, Map<String, Object> seal) {
        return "viche-seal-v1\n"
                + "id=" + ((Number) seal.get("id")).longValue() + "\n"
                + "survey=" + survey + "\n"
                + "root=" + seal.get("root") + "\n"
                + "size=" + ((Number) seal.get("size")).intValue() + "\n"
                + "previous=" + seal.get("previous") + "\n"
                + "sealed=" + seal.get("sealedAt") + "\n";
    }

    /** RFC 6962, 2.1: MTH(D[from:to]). */
    static byte[] treeHash(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = 1;
        while (k * 2 < to - from) {
            k *= 2;
        }
        return sha256(concat(new byte[] {1}, treeHash(leaves, from, from + k), treeHash(leaves, from + k, to)));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** RFC 4180 records: fields separated by commas, optionally quoted, "" inside quotes for one quote. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c != '"') {
                        field.append(c);
                    } else if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("the CSV ends inside a quoted field");
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }

    /** A JSON reader: objects become LinkedHashMaps, arrays Lists, numbers Long or Double. */
    static final class Json {

        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            skipSpace();
            if (at != text.length()) {
                throw error("unexpected text after the JSON value");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            return number();
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = string();
                skipSpace();
                expect(':');
                object.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            skipSpace();
            if (peek() == ']') {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return array;
                }
            }
        }

        private String string() {
            at++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        private Number number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            try {
                return number.matches("-?\\d+") ? (Number) Long.parseLong(number) : (Number) Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw error("not a JSON value");
            }
        }

        private void skipSpace() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("JSON: " + message + " at character " + at);
        }
    }
}
