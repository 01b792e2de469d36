package org.viche.invitation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.viche.config.ServiceSecretSource;
import org.viche.config.VicheConfig;
import org.viche.survey.SurveyClosed;


/**
 * The per-survey keys under which spent codes are recorded (V11__unlinkable_responses.sql).
 * A survey's key is HMAC-SHA256 of its id and a random salt kept in the database, under the
 * service's secret ({@code viche.secret}), kept outside it: the database alone cannot compute a mark, so a copy of it cannot
 * tell which issued code was spent. Closing the survey deletes the salt, and from then on no
 * one can — not even with the secret. Keys are derived on every use and never cached, so
 * "deleted" means gone from every instance at once.
 */
@ApplicationScoped
public class InvitationKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    @Inject
    VicheConfig config;

    @Inject
    DataSource dataSource;

    /** Gives a survey its salt if it has none yet (when its first codes are made). */
    void ensure(Connection connection, long surveyId) throws SQLException {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into invitation_key (survey_id, salt) values (?, ?) on conflict do nothing")) {
            insert.setLong(1, surveyId);
            insert.setBytes(2, salt);
            insert.executeUpdate();
        }
    }

    /** The survey's key, or empty when it has none (no codes, or closed: its salt is gone). */
    Optional<byte[]> key(Connection connection, long surveyId) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("select salt from invitation_key where survey_id = ?")) {
            read.setLong(1, surveyId);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? Optional.of(hmac(secret(), "viche-invitation-key-v1\n" + surveyId + "\n"
                        + HEX.formatHex(rs.getBytes(1)))) : Optional.empty();
            }
        }
    }

    /** The mark that records a spent code: HMAC-SHA256 of the code's stored hash under the survey's key. */
    static byte[] mark(byte[] key, byte[] codeHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(codeHash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }

    /** Forgets the key in the transaction that closes the survey: no code can be tied to a mark again. */
    void forget(@Observes SurveyClosed closed) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from invitation_key where survey_id = ?")) {
            delete.setLong(1, closed.surveyId());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The invitation key could not be deleted", e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        return mark(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] secret() {
        String serviceSecret = config.secret();
        if (serviceSecret.length() < ServiceSecretSource.MIN_LENGTH) {
            throw new IllegalStateException("viche.secret (VICHE_SECRET) must be at least "
                    + ServiceSecretSource.MIN_LENGTH + " characters");
        }
        return serviceSecret.getBytes(StandardCharsets.UTF_8);
    }
}
