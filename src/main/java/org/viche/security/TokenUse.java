package org.viche.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records that a token was just presented ({@code api_token.last_used_at}), at most once per
 * five minutes per token: the condition is in the UPDATE itself, so a token used
 * continuously costs one primary-key probe that writes nothing, and instances never race to
 * write. Outside any transaction (one it is called in is suspended), so a request never
 * holds the token row's lock. Kept to this one method so that a later in-memory token cache can
 * call it as it is.
 */
@ApplicationScoped
public class TokenUse {

    private static final Logger LOG = Logger.getLogger(TokenUse.class);

    private static final String RECORD = """
            update api_token set last_used_at = now()
             where id = ? and (last_used_at is null or last_used_at < now() - interval '5 minutes')
            """;

    @Inject
    DataSource dataSource;

    /** Never fails the request it is part of: the time of last use is a courtesy, not a control. */
    public void record(UUID tokenId) {
        QuarkusTransaction.suspendingExisting().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement update = connection.prepareStatement(RECORD)) {
                update.setObject(1, tokenId);
                update.executeUpdate();
            } catch (SQLException e) {
                LOG.warnf("The last use of token %s could not be recorded: %s", tokenId, e.getMessage());
            }
        });
    }
}
