package kz.qalqan.registry;

import com.zaxxer.hikari.HikariDataSource;
import kz.qalqan.shared.Iin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills (SIGKILL) a separate JVM running {@code import members} while it streams rows into the
 * database, and checks that not one row of that import was written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportCrashIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MemberImport imports;

    @TempDir
    Path dir;

    @Test
    void aKilledImportLeavesNoPartialRows() throws Exception {
        String marker = marker();
        Path file = dir.resolve("crash-" + marker + ".csv");
        int rows = writeFile(file, marker, 150_000);

        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kz.qalqan.QalqanApplication",
                "import", "members", file.toString(),
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            long processed = 0;
            while (processed < 20_000 && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(100);
                processed = jdbc.sql("select coalesce(max(processed), 0) from registry.import_job where file_name = ? and status = 'RUNNING'")
                        .param(file.getFileName().toString()).query(Long.class).single();
            }
            assertThat(process.isAlive()).as("import still running when killed; log: %s",
                    Files.readString(dir.resolve("child.log"))).isTrue();
            assertThat(processed).as("rows streamed before the kill").isGreaterThanOrEqualTo(20_000).isLessThan(rows);
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        waitUntilNoImportIsRunningInTheDatabase();
        assertThat(jdbc.sql("select count(*) from registry.member where last_name = ?").param(marker)
                .query(Long.class).single()).isZero();

        try (InputStream in = Files.newInputStream(file)) {
            ImportReport again = imports.importMembers(in, ImportMode.ALL_OR_NOTHING, "test", file.getFileName().toString());
            assertThat(again.errors()).isEmpty();
            assertThat(again.accepted()).isEqualTo(rows);
        }
        assertThat(jdbc.sql("select count(*) from registry.member where last_name = ?").param(marker)
                .query(Long.class).single()).isEqualTo(rows);
    }

    private void waitUntilNoImportIsRunningInTheDatabase() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            long busy = jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where pid <> pg_backend_pid() and (query ilike '%import_stage%') and state <> 'idle'""")
                    .query(Long.class).single();
            if (busy == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the killed import's transaction is still open after 30 s");
    }

    private static String marker() {
        Random random = new Random();
        StringBuilder sb = new StringBuilder("Crash");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    /** Rows with valid, distinct IINs made of a random base date so that reruns do not collide. */
    private static int writeFile(Path file, String marker, int wanted) throws IOException {
        Random random = new Random();
        LocalDate base = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(300));
        int written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("iin,last_name,first_name,region,phone,language\n");
            for (int day = 0; written < wanted; day++) {
                LocalDate d = base.plusDays(day);
                for (int serial = 0; serial < 100 && written < wanted; serial++) {
                    String prefix = String.format("%02d%02d%02d3%04d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth(),
                            random.nextInt(100) * 100 + serial);
                    int check = Iin.checkDigit(prefix);
                    if (check < 0) {
                        continue;
                    }
                    w.write(prefix + check + "," + marker + ",Ержан," + List.of("KZ-75", "KZ-71", "KZ-79").get(serial % 3)
                            + ",+7701" + String.format("%07d", written) + ",kk\n");
                    written++;
                }
            }
        }
        return written;
    }
}
