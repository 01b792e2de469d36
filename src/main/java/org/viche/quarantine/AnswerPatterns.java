package org.viche.quarantine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.viche.config.ServiceSecretSource;
import org.viche.config.VicheConfig;

/**
 * The opaque name of one answer set among a survey's held responses, so that a reviewer can
 * release or reject "these identical answers" without seeing them.
 *
 * <p>The database groups held responses by {@link #DIGEST}, the MD5 of the answers' jsonb text
 * (jsonb's text is canonical: keys sorted, duplicates and spacing gone). That digest never leaves
 * the server: a page shows HMAC-SHA256 of the survey's id and the digest under a key derived from
 * the service secret ({@code viche.secret}), which lives outside the database. Someone who sees
 * the key on a page, in the audit log or in a copy of the database, and who could enumerate every
 * plausible answer set (surveys have few), still cannot tell which set it names without the
 * secret; and the same answers get unrelated keys in two surveys.
 */
@ApplicationScoped
public class AnswerPatterns {

    /** The SQL that groups identical answer sets; cheap, and only ever compared on the server. */
    static final String DIGEST = "md5(answers::text)";

    /** 80 bits: no two groups of one survey collide in practice, and the page stays readable. */
    private static final int KEY_HEX_LENGTH = 20;

    @Inject
    VicheConfig config;

    private volatile SecretKeySpec key;

    String key(long surveyId, String digest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] tag = mac.doFinal((surveyId + ":" + digest).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(tag).substring(0, KEY_HEX_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec cached = key;
        if (cached == null) {
            String derived = ServiceSecretSource.derive(config.secret(), "viche-review-pattern-v1");
            cached = new SecretKeySpec(derived.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
            key = cached;
        }
        return cached;
    }
}
