package kz.qalqan.platform.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "create table kept (v text); insert into kept values ('still here')");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(queryOne(server, "select v from kept")).isEqualTo("still here");
            assertThat(queryOne(server, "show synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void startsAfterAProcessHoldingTheServerWasKilled() throws Exception {
        Path ready = dataDir.resolve("ready");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartAndWait.class.getName(), dataDir.toString(), ready.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("child.log").toFile()).start();
        try {
            for (int i = 0; i < 1200 && !Files.exists(ready); i++) {
                Thread.sleep(100);
            }
            assertThat(ready).as(Files.readString(dataDir.resolve("child.log"))).exists();
        } finally {
            child.destroyForcibly(); // SIGKILL: the postmaster is left running with its pid file
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).exists();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(queryOne(server, "select v from written_by_child")).isEqualTo("child");
        }
    }

    @Test
    void runsWithFsyncSynchronousCommitAndFullPageWritesOnUnlessAskedOtherwise() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(queryOne(server, "show fsync")).isEqualTo("on");
            assertThat(queryOne(server, "show synchronous_commit")).isEqualTo("on");
            assertThat(queryOne(server, "show full_page_writes")).isEqualTo("on");
            assertThat(server.durabilitySettings()).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                    .containsEntry("full_page_writes", "on");
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir,
                new EmbeddedPostgresServer.Durability(false, false, false))) {
            assertThat(server.durabilitySettings()).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off")
                    .containsEntry("full_page_writes", "off");
        }
    }

    @Test
    void aSecondServerOnALiveDataDirectoryRefusesAndLeavesTheFirstRunning() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            long postmaster = postmasterPid();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another process").hasMessageContaining("Stop that process first");
            assertThat(postmasterPid()).isEqualTo(postmaster);
            assertThat(queryOne(server, "select 'still answering'")).isEqualTo("still answering");
        }
    }

    @Test
    void aCommandLineToolWorksAgainstALiveServerAndNeverStopsIt() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            long postmaster = postmasterPid();
            Path log = dataDir.resolve("cli.log");
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "kz.qalqan.QalqanApplication", "audit", "verify",
                    "--qalqan.data-dir=" + dataDir, "--qalqan.demo=false", "--logging.file.name=" + dataDir.resolve("cli-app.log"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(cli.waitFor(4, TimeUnit.MINUTES)).isTrue();
            String output = Files.readString(log);
            assertThat(cli.exitValue()).as(output).isZero();
            assertThat(postmasterPid()).as("the server's PostgreSQL was not stopped").isEqualTo(postmaster);
            assertThat(server.up()).isTrue();
            assertThat(queryOne(server, "select count(*) from audit.event")).as("the tool worked on the live database")
                    .isNotNull();
            assertThat(server.restarts()).isZero();
        }
    }

    @Test
    void aToolInTheSameProcessAttachesAndItsCloseLeavesTheServerRunning() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            EmbeddedPostgresServer tool = EmbeddedPostgresServer.attachOrStart(dataDir, EmbeddedPostgresServer.Durability.FULL);
            assertThat(tool.attached()).isTrue();
            assertThat(tool.jdbcUrl()).isEqualTo(server.jdbcUrl());
            tool.close();
            assertThat(queryOne(server, "select 'still answering'")).isEqualTo("still answering");
        }
    }

    @Test
    void theServerStartsItsDatabaseAgainWhenItIsStoppedFromOutside() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "create table before_loss (v text); insert into before_loss values ('kept')");
            long postmaster = postmasterPid();
            ProcessHandle.of(postmaster).orElseThrow().destroy(); // SIGTERM, as a careless tool would send
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (server.restarts() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(server.restarts()).as("restarts by the watchdog").isEqualTo(1);
            assertThat(server.up()).isTrue();
            assertThat(postmasterPid()).isNotEqualTo(postmaster);
            assertThat(queryOne(server, "select v from before_loss")).isEqualTo("kept");
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
    }

    /** Started in a separate JVM: starts the server, writes a row, signals readiness, waits to be killed. */
    public static final class StartAndWait {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
            execute(server, "create table written_by_child (v text); insert into written_by_child values ('child')");
            Files.writeString(Path.of(args[1]), "ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), null);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static String queryOne(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), null);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
