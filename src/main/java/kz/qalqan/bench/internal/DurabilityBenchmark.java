package kz.qalqan.bench.internal;

import kz.qalqan.bench.BenchResult;
import kz.qalqan.notification.Notifications;
import kz.qalqan.notification.Outbox;
import kz.qalqan.platform.Command;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench durability --count N}: what fsync, synchronous_commit and full_page_writes cost. The same call-up
 * (enqueue N messages, dispatch them through the outbox to a local webhook sink, one commit per message outcome) runs
 * on this command's database — durable, as the server runs — and on a second throwaway database started with the
 * three settings off, in a second application context of the same JVM; rounds alternate so that drift in the
 * machine's load falls on both.
 */
@Component
class DurabilityBenchmark implements Command {

    private final Notifications notifications;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final ApplicationContext context;

    DurabilityBenchmark(Notifications notifications, Outbox outbox, JdbcClient jdbc, ApplicationContext context) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Override
    public String name() {
        return "bench durability";
    }

    @Override
    public String usage() {
        return "bench durability [--count N] [--workers W] [--rounds R]   call-ups with fsync etc. on vs off";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, List.of("count", "workers", "rounds"));
        int count = (int) BenchOptions.positive(options, "count", 20_000);
        int workers = (int) BenchOptions.positive(options, "workers", 4);
        int rounds = (int) BenchOptions.positive(options, "rounds", 2);
        Path scratch = Files.createTempDirectory("qalqan-bench-nodurable");
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (ConfigurableApplicationContext fast = startWithoutDurability(scratch);
             CallupBenchmark.Sink sink = new CallupBenchmark.Sink()) {
            Notifications fastNotifications = fast.getBean(Notifications.class);
            Outbox fastOutbox = fast.getBean(Outbox.class);
            Map<String, String> durable = settings(jdbc);
            Map<String, String> notDurable = settings(fast.getBean(JdbcClient.class));
            out.printf("This database: %s; baseline database: %s%n", durable, notDurable);
            out.printf("%d call-ups per round, %d rounds, %d dispatch workers; warm-up 2,000 on each ...%n", count, rounds, workers);
            CallupBenchmark.callUp(fastNotifications, fastOutbox, sink, "warm-off-" + run, 2_000, workers);
            CallupBenchmark.callUp(notifications, outbox, sink, "warm-on-" + run, 2_000, workers);
            double off = 0;
            double on = 0;
            for (int r = 0; r < rounds; r++) {
                long started = System.nanoTime();
                CallupBenchmark.callUp(fastNotifications, fastOutbox, sink, "off-" + r + "-" + run, count, workers);
                off += (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                CallupBenchmark.callUp(notifications, outbox, sink, "on-" + r + "-" + run, count, workers);
                on += (System.nanoTime() - started) / 1e9;
                out.printf("round %d: off %.2f s, on %.2f s (cumulative)%n", r + 1, off, on);
            }
            long total = (long) count * rounds;
            new BenchResult("durability", total, on, off, Map.of()).print(out,
                    "call-ups, fsync + synchronous_commit + full_page_writes on", "the same with all three off");
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("messagesPerSecondOn", Math.round(total / on));
            extra.put("messagesPerSecondOff", Math.round(total / off));
            extra.put("ratio", Math.round(on / off * 100) / 100.0);
            extra.put("repeatsAtSink", sink.repeats.get());
            out.printf("messages/second: durable %d, not durable %d; time ratio (on / off) %.2f%n",
                    extra.get("messagesPerSecondOn"), extra.get("messagesPerSecondOff"), extra.get("ratio"));
            StringBuilder line = new StringBuilder("{\"bench\":\"durability\",\"count\":").append(total)
                    .append(",\"qalqanSeconds\":").append(Math.round(on * 100) / 100.0)
                    .append(",\"baselineSeconds\":").append(Math.round(off * 100) / 100.0);
            extra.forEach((k, v) -> line.append(",\"").append(k).append("\":").append(v));
            out.println(line.append('}'));
            return 0;
        } finally {
            deleteQuietly(scratch);
        }
    }

    private ConfigurableApplicationContext startWithoutDurability(Path scratch) {
        Class<?> application = context.getBeansWithAnnotation(SpringBootApplication.class).values().stream()
                .map(b -> ClassUtils.getUserClass(b.getClass())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no @SpringBootApplication bean"));
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of("qalqan.cli", "true", "qalqan.demo", "false", "logging.level.root", "WARN",
                        "spring.modulith.events.republish-outstanding-events-on-restart", "false"))
                .run("--qalqan.data-dir=" + scratch, "--qalqan.db.fsync=false", "--qalqan.db.synchronous-commit=false",
                        "--qalqan.db.full-page-writes=false", "--qalqan.node-id=bench-not-durable",
                        "--logging.file.name=" + scratch.resolve("logs/qalqan.log"));
    }

    private static Map<String, String> settings(JdbcClient jdbc) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            shown.put(name, jdbc.sql("show " + name).query(String.class).single());
        }
        return shown;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
