package org.viche.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

/** The quick start's secret: drawn once outside the database, kept private, stable across restarts. */
class ServiceSecretSourceTest {

    @Test
    void withoutVicheSecretOneIsDrawnIntoTheHomeDirectoryOnceAndKept() throws Exception {
        assumeTrue(System.getenv("VICHE_SECRET") == null && System.getProperty("viche.secret") == null,
                "the environment gives a secret");
        String home = System.getProperty("user.home");
        Path temp = Files.createTempDirectory("viche-home-");
        System.setProperty("user.home", temp.toString());
        try {
            ServiceSecretSource first = new ServiceSecretSource();
            assertTrue(first.getPropertyNames().isEmpty(), "nothing is drawn unless asked for by name");
            assertTrue(Files.notExists(temp.resolve(".viche/secret")));
            String secret = first.getValue("viche.secret");
            Path file = temp.resolve(".viche/secret");
            assertTrue(secret.matches("[0-9a-f]{64}"), secret);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(secret, new ServiceSecretSource().getValue("viche.secret"), "a restart keeps it");
            String csrf = first.getValue("quarkus.rest-csrf.token-signature-key");
            assertNotEquals(secret, csrf, "each use has its own derived key");
            assertEquals(ServiceSecretSource.derive(secret, "viche-csrf-cookie-v1"), csrf);
            assertEquals(null, first.getValue("quarkus.http.port"));
        } finally {
            System.setProperty("user.home", home);
        }
    }
}
