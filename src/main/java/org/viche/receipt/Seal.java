package org.viche.receipt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One seal of a survey's chain. Its hash is SHA-256 over a short canonical text (UTF-8,
 * every line ending in LF; docs/receipts.md):
 *
 * <pre>
 * viche-seal-v1
 * id=42
 * survey=donbas-future
 * root=&lt;hex&gt;
 * size=4096
 * previous=&lt;hex&gt;
 * sealed=2026-05-01T12:00:00Z
 * </pre>
 *
 * so the next seal's {@code previous} fixes this one's content: changing, removing or
 * reordering any earlier seal breaks every later link.
 */
public record Seal(long id, String survey, byte[] root, int size, Instant sealedAt, byte[] previous) {

    /** The {@code previous} of a survey's first seal. */
    public static final byte[] GENESIS = new byte[32];

    static final String VERSION = "viche-seal-v1";
    private static final HexFormat HEX = HexFormat.of();

    public Seal {
        sealedAt = sealedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public String text() {
        return VERSION + "\n"
                + "id=" + id + "\n"
                + "survey=" + survey + "\n"
                + "root=" + HEX.formatHex(root) + "\n"
                + "size=" + size + "\n"
                + "previous=" + HEX.formatHex(previous) + "\n"
                + "sealed=" + sealedAtText() + "\n";
    }

    public byte[] hash() {
        return MerkleTree.sha256().digest(text().getBytes(StandardCharsets.UTF_8));
    }

    /** UTC, whole seconds, ISO 8601: {@code 2026-05-01T12:00:00Z}. */
    public String sealedAtText() {
        return DateTimeFormatter.ISO_INSTANT.format(sealedAt);
    }
}
