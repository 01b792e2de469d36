package org.viche.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.viche.response.ReceiptCodes;
import org.viche.survey.SurveySnapshot;

/**
 * The "already answered" cookie of an OPEN survey: after a form submission the browser keeps
 * the receipt, signed, under the survey's own path, so that opening the form again says politely
 * that this browser has answered and offers the receipt. It is a courtesy against sending twice
 * by accident, not a lock: a person can still choose to answer (someone else may share the phone),
 * and a cookie whose signature does not match is simply ignored.
 *
 * <p>Value: {@code RECEIPT.EXPIRES.SIGNATURE}, where EXPIRES is epoch seconds and SIGNATURE is
 * base64url HMAC-SHA256 over the survey's id and slug, the receipt and EXPIRES, with a random key
 * kept in PostgreSQL ({@code web_key}) so that every instance accepts every other's cookies.
 */
@ApplicationScoped
class AnsweredCookie {

    static final String NAME = "viche-answered";
    static final Duration LIFETIME = Duration.ofDays(30);
    static final String KEY_NAME = "answered-cookie";

    private static final String ENSURE_KEY = "insert into web_key (name, secret) values (?, ?) on conflict (name) do nothing";
    private static final String READ_KEY = "select secret from web_key where name = ?";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    DataSource dataSource;

    private final SecureRandom random = new SecureRandom();
    private volatile byte[] key;

    /** The Set-Cookie header that remembers {@code receipt} for {@code survey}'s form. */
    String issue(SurveySnapshot survey, String receipt, boolean secure, Instant now) {
        long expires = now.plus(LIFETIME).getEpochSecond();
        String value = receipt + "." + expires + "." + sign(survey, receipt, expires);
        return header(survey, value, LIFETIME.toSeconds(), secure);
    }

    /** A Set-Cookie header that makes the browser forget the cookie (the survey has closed). */
    String clear(SurveySnapshot survey, boolean secure) {
        return header(survey, "", 0, secure);
    }

    /** The receipt of a cookie this service signed for this survey and that has not expired; empty otherwise. */
    Optional<String> receipt(SurveySnapshot survey, String value, Instant now) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || !ReceiptCodes.isIssuedForm(parts[0])) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = sign(survey, parts[0], expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))
                || expires <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(parts[0]);
    }

    private static String header(SurveySnapshot survey, String value, long maxAge, boolean secure) {
        return NAME + "=" + value + "; Path=/s/" + survey.slug() + "; Max-Age=" + maxAge
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    private String sign(SurveySnapshot survey, String receipt, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            String signed = "viche-answered-v1\n" + survey.id() + "\n" + survey.slug() + "\n" + receipt + "\n" + expires;
            return B64.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private byte[] key() {
        byte[] cached = key;
        if (cached == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreate();
                }
                cached = key;
            }
        }
        return cached;
    }

    private byte[] loadOrCreate() {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement ensure = connection.prepareStatement(ENSURE_KEY)) {
                ensure.setString(1, KEY_NAME);
                ensure.setBytes(2, fresh);
                ensure.executeUpdate();
            }
            try (PreparedStatement read = connection.prepareStatement(READ_KEY)) {
                read.setString(1, KEY_NAME);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the answered-cookie key", e);
        }
    }
}
