package org.viche.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;
import org.viche.security.BootstrapOutcome.Kind;
import org.viche.support.Api;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The bootstrap rule exactly as the README states it. The database of this run holds a usable
 * admin (the %test bootstrap token); cases that need "no usable admin" revoke every admin inside
 * a transaction that is rolled back, so no other test sees it.
 */
@QuarkusTest
class BootstrapAdminTokenTest {

    private static final String LONG_ENOUGH = "b".repeat(BootstrapOutcome.MIN_LENGTH);

    @Inject
    TokenService tokens;

    @Inject
    ApiTokenRepository repository;

    @Inject
    EntityManager entityManager;

    @Inject
    UserTransaction transaction;

    @Test
    void refusesATokenShorterThan32CharactersAndStoresNothing() {
        String short31 = "s".repeat(BootstrapOutcome.MIN_LENGTH - 1);
        String outcome = withoutAdmins(() -> tokens.bootstrap(Optional.of(short31)).kind()
                + (stored(short31) ? "+stored" : ""));
        assertEquals("REFUSED_TOO_SHORT", outcome);
    }

    @Test
    void refusesAGivenTokenWhenAUsableAdminExists() {
        String fresh = LONG_ENOUGH + "-refused";
        assertEquals(Kind.REFUSED_ADMIN_EXISTS, tokens.bootstrap(Optional.of(fresh)).kind());
        assertFalse(stored(fresh));
    }

    @Test
    void theCurrentAdminGivenAgainIsAcceptedQuietly() {
        assertEquals(Kind.ALREADY_ADMIN, tokens.bootstrap(Optional.of(Api.ADMIN_TOKEN)).kind());
    }

    @Test
    void storesAGivenTokenWhileNoAdminIsUsableEvenIfRevokedOnesRemain() {
        String given = LONG_ENOUGH + "-stored";
        String outcome = withoutAdmins(() -> tokens.bootstrap(Optional.of(given)).kind()
                + (storedAsUsableAdmin(given) ? "+admin" : ""));
        assertEquals("STORED+admin", outcome);
        assertFalse(stored(given), "rolled back");
    }

    @Test
    void generatesOneWhenNoneIsGivenAndNoAdminIsUsable() {
        String outcome = withoutAdmins(() -> {
            BootstrapOutcome result = tokens.bootstrap(Optional.empty());
            String secret = result.generatedSecret().orElse("");
            return result.kind() + (secret.length() >= BootstrapOutcome.MIN_LENGTH && storedAsUsableAdmin(secret)
                    ? "+admin" : "");
        });
        assertEquals("GENERATED+admin", outcome);
    }

    @Test
    void generatesNothingWhileAnAdminIsUsable() {
        BootstrapOutcome outcome = tokens.bootstrap(Optional.empty());
        assertEquals(Kind.NOTHING_TO_DO, outcome.kind());
        assertTrue(outcome.generatedSecret().isEmpty());
    }

    @Test
    void refusesTheSecretOfARevokedAdmin() {
        String outcome = withoutAdmins(() -> tokens.bootstrap(Optional.of(Api.ADMIN_TOKEN)).kind().name());
        assertEquals("REFUSED_ALREADY_ISSUED", outcome);
    }

    @Test
    void everyRefusalIsExplainedWithWhatToDo() {
        for (Kind kind : Kind.values()) {
            String text = BootstrapAdminToken.describe(BootstrapOutcome.of(kind));
            if (kind.name().startsWith("REFUSED")) {
                assertTrue(text.contains("REFUSED") && text.contains("VICHE_BOOTSTRAP_ADMIN_TOKEN"), text);
            }
        }
        assertTrue(BootstrapAdminToken.describe(BootstrapOutcome.of(Kind.REFUSED_TOO_SHORT)).contains("openssl rand"));
    }

    @Test
    void theGeneratedTokenIsAnnouncedWithHowToUseIt() {
        String text = BootstrapAdminToken.announcement("viche_secret", "It is also in /x/admin-token\n", 8091);
        assertTrue(text.contains("viche_secret"), text);
        assertTrue(text.contains("/x/admin-token"), text);
        assertTrue(text.contains("Authorization: Bearer $ADMIN") && text.contains("http://localhost:8091/api/v1/tokens"), text);
    }

    @Test
    void theTokenFileIsReadableOnlyByItsOwner() throws Exception {
        Path file = Files.createTempDirectory("viche-admin-").resolve("sub/admin-token");
        AdminTokenFile.write(file, "viche_first");
        AdminTokenFile.write(file, "viche_second");
        assertEquals("viche_second\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private boolean stored(String secret) {
        return repository.findBySecretHash(TokenSecrets.hash(secret)).isPresent();
    }

    private boolean storedAsUsableAdmin(String secret) {
        return repository.findBySecretHash(TokenSecrets.hash(secret))
                .filter(t -> Roles.ADMIN.equals(t.role) && t.revokedAt == null).isPresent();
    }

    /** Runs {@code body} with every admin token revoked, then rolls all of it back. */
    private <T> T withoutAdmins(Supplier<T> body) {
        try {
            transaction.begin();
            try {
                entityManager.createNativeQuery("update viche.api_token set revoked_at = now() where role = 'admin'")
                        .executeUpdate();
                return body.get();
            } finally {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
