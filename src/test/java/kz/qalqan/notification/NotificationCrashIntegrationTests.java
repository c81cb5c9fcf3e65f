package kz.qalqan.notification;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills (SIGKILL) a separate JVM while it dispatches call-ups to the webhook sink, dispatches again, and checks
 * that the sink took every message exactly once by idempotency key: nothing lost, and the only repeats on the
 * wire are messages that were in flight at the kill, which the key made harmless.
 */
class NotificationCrashIntegrationTests extends NotificationTestSupport {

    private static final int MESSAGES = 3000;

    @Autowired
    Notifications notifications;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    @Test
    void aKilledDispatcherNeitherLosesNorDuplicatesAMessage() throws Exception {
        String tag = tag();
        String correlation = "kill-" + tag;
        String key = "kill-" + tag;
        long base = 9_000_000_000L + Math.abs((long) tag.hashCode()) * 10_000;
        List<Recipient> recipients = IntStream.range(0, MESSAGES)
                .mapToObj(i -> new Recipient(base + i, "Crash " + i, "kk", null, null, null, "KZ-23/")).toList();
        assertThat(notifications.enqueueTo(new Notice("callup", Map.of("title", "Kill"), List.of(Channel.WEBHOOK), key,
                correlation, true, null), recipients).queued()).isEqualTo(MESSAGES);

        SINK.delayMicros(2_000);
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kz.qalqan.QalqanApplication",
                "notification", "dispatch", "--correlation", correlation, "--workers", "2",
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--logging.file.name=" + dir.resolve("child-app.log"),
                "--qalqan.notification.webhook.url=" + SINK.url(),
                "--qalqan.notification.webhook.secret=" + WebhookSink.SECRET,
                "--qalqan.notification.lease=3s",
                "--qalqan.notification.batch-size=50",
                "--qalqan.notification.concurrency=8")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        int seenAtKill;
        long inFlightAtKill;
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (SINK.seenWithPrefix(key + ":").size() < 300 && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(process.isAlive()).as("dispatch still running when killed; log: %s",
                    Files.readString(dir.resolve("child.log"))).isTrue();
            process.destroyForcibly(); // SIGKILL
            process.waitFor(30, TimeUnit.SECONDS);
            seenAtKill = SINK.seenWithPrefix(key + ":").size();
            inFlightAtKill = jdbc.sql("select count(*) from notification.message where correlation_id = ? and status = 'SENDING'")
                    .param(correlation).query(Long.class).single();
        } finally {
            process.destroyForcibly();
            SINK.delayMicros(0);
        }
        assertThat(seenAtKill).as("messages at the sink when the dispatcher died").isBetween(300, MESSAGES - 1);
        assertThat(inFlightAtKill).as("messages claimed by the dead dispatcher").isPositive();

        // restart: the dead dispatcher's leases run out (3 s), then its claims are taken again
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (outstanding(correlation) > 0 && System.nanoTime() < deadline) {
            outbox.dispatchDue(2, correlation);
            Thread.sleep(250);
        }
        assertThat(outstanding(correlation)).isZero();

        Map<String, Integer> seen = SINK.seenWithPrefix(key + ":");
        assertThat(seen).as("every message reached the sink").hasSize(MESSAGES);
        long repeated = seen.values().stream().filter(n -> n > 1).count();
        assertThat(seen.values()).as("at most one repeat, of a message in flight at the kill").allMatch(n -> n <= 2);
        assertThat(repeated).as("repeats only among the %d messages in flight at the kill", inFlightAtKill)
                .isLessThanOrEqualTo(inFlightAtKill);
        assertThat(jdbc.sql("""
                        select count(*) from notification.message m
                        where m.correlation_id = ? and m.status = 'DELIVERED'
                          and (select count(*) from notification.receipt r where r.message_id = m.id and r.status = 'DELIVERED') = 1""")
                .param(correlation).query(Long.class).single()).as("delivered, with exactly one receipt each").isEqualTo(MESSAGES);
        System.out.printf("Kill test: %d of %d at the sink when killed, %d in flight, %d sent again and absorbed by the key%n",
                seenAtKill, MESSAGES, inFlightAtKill, repeated);
    }

    private long outstanding(String correlation) {
        return jdbc.sql("select count(*) from notification.message where correlation_id = ? and status in ('PENDING', 'SENDING')")
                .param(correlation).query(Long.class).single();
    }
}
