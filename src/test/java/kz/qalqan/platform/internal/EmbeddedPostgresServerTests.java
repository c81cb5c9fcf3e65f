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
