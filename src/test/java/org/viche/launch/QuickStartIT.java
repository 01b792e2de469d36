package org.viche.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The quick start as a new user runs it: the packaged service, started with no datasource URL
 * and no bootstrap token from an empty directory, runs its own PostgreSQL there, serves the
 * demo survey, shows and files a first admin token, keeps its data across a restart and stops
 * its PostgreSQL when it stops. Runs after packaging (failsafe), against the real jar.
 */
class QuickStartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final Duration START_WAIT = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void runsItsOwnPostgresKeepsItsDataAndStopsIt() throws Exception {
        Path work = Files.createTempDirectory("viche-quickstart-");
        Path tokenFile = work.resolve(".viche/admin-token");
        Path firstLog = work.resolve("first.log");

        int port = freePort();
        Process first = start(work, port, firstLog);
        long postmaster;
        try {
            awaitReady(first, port, firstLog);
            postmaster = Long.parseLong(Files.readAllLines(work.resolve(".viche/postgres/postmaster.pid")).get(0).strip());
            assertEquals(200, get(port, "/api/v1/surveys/demo-disputed-regions", Optional.empty()));
            String log = Files.readString(firstLog);
            assertTrue(log.contains("Database: embedded PostgreSQL 18"), log);
            assertTrue(log.contains("FIRST ADMIN TOKEN"), log);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            String token = Files.readString(tokenFile).strip();
            assertTrue(log.contains(token), "the log shows the token that the file holds");
            assertEquals(200, get(port, "/api/v1/tokens", Optional.of(token)));
        } finally {
            stop(first);
        }
        assertTrue(gone(postmaster), "the embedded PostgreSQL stopped with the service");

        int again = freePort();
        Path secondLog = work.resolve("second.log");
        Process second = start(work, again, secondLog);
        try {
            awaitReady(second, again, secondLog);
            assertEquals(200, get(again, "/api/v1/tokens", Optional.of(Files.readString(tokenFile).strip())),
                    "the admin token of the first run still works: the data was kept");
            assertFalse(Files.readString(secondLog).contains("FIRST ADMIN TOKEN"),
                    "a token is generated once, not at every start");
        } finally {
            stop(second);
        }
    }

    private static Process start(Path work, int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("VICHE_"));
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return builder.start();
    }

    private void awaitReady(Process service, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(log));
            }
            try {
                if (get(port, "/q/health/ready", Optional.empty()) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + START_WAIT + ": " + Files.readString(log));
    }

    private int get(int port, String path, Optional<String> token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** SIGTERM, as one kill (or Ctrl-C's SIGINT, handled alike) would send. */
    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(2, TimeUnit.MINUTES)) {
            service.destroyForcibly();
            throw new AssertionError("the service did not stop on SIGTERM");
        }
    }

    /**
     * pg_ctl returns once the postmaster removed its pid file, a moment before the process ends
     * and is reaped; allow that moment (bounded), nothing more.
     */
    private static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(100);
            } else {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
