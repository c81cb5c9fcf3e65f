package kz.qalqan.bench.internal;

import com.sun.net.httpserver.HttpServer;
import kz.qalqan.bench.BenchResult;
import kz.qalqan.notification.Channel;
import kz.qalqan.notification.Enqueued;
import kz.qalqan.notification.Notice;
import kz.qalqan.notification.Notifications;
import kz.qalqan.notification.Outbox;
import kz.qalqan.notification.Recipient;
import kz.qalqan.platform.Command;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench callup --count N}: N call-ups through Qalqan end to end — set-based enqueue into the outbox,
 * claimed by dispatch workers, posted as signed JSON to a local webhook sink (the JDK's HTTP server, in
 * process), attempts and receipts recorded — against a bare loop that posts the same messages, signed the same
 * way, to the same sink with the same number of sending threads and no database at all. The sink takes each
 * idempotency key once and counts repeats.
 */
@Component
class CallupBenchmark implements Command {

    private static final String SECRET = "bench-webhook-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Notifications notifications;
    private final Outbox outbox;
    private final JdbcClient jdbc;

    CallupBenchmark(Notifications notifications, Outbox outbox, JdbcClient jdbc) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "bench callup";
    }

    @Override
    public String usage() {
        return "bench callup [--count N] [--workers W] [--threads T]   N call-ups over the webhook outbox vs a bare posting loop";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, List.of("count", "workers", "threads"));
        int count = (int) BenchOptions.positive(options, "count", 100_000);
        int workers = (int) BenchOptions.positive(options, "workers", 4);
        int threads = (int) BenchOptions.positive(options, "threads", 32);
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (Sink sink = new Sink()) {
            out.printf("Sink on %s; %d call-ups, %d dispatch workers, %d sending threads%n", sink.url(), count, workers, threads);
            out.println("Warm-up: 2,000 of each kind ...");
            bare(sink, "warm-bare-" + run, 2_000, threads);
            qalqan(sink, "warm-" + run, 2_000, workers);

            out.println("Baseline: bare loop posting to the sink ...");
            long started = System.nanoTime();
            bare(sink, "bare-" + run, count, threads);
            double baseline = (System.nanoTime() - started) / 1e9;
            check(sink, "bare-" + run + ":", count);

            out.println("Qalqan: enqueue, dispatch through the outbox, receipts recorded ...");
            started = System.nanoTime();
            qalqan(sink, "callup-" + run, count, workers);
            double qalqan = (System.nanoTime() - started) / 1e9;
            check(sink, "callup-" + run + ":", count);
            long receipts = jdbc.sql("""
                            select count(*) from notification.receipt r join notification.message m on m.id = r.message_id
                            where m.correlation_id = ? and r.status = 'DELIVERED'""")
                    .param("callup-" + run).query(Long.class).single();
            if (receipts != count) {
                throw new IllegalStateException("recorded " + receipts + " receipts for " + count + " messages");
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("messagesPerSecond", Math.round(count / qalqan));
            extra.put("baselineMessagesPerSecond", Math.round(count / baseline));
            extra.put("enqueueSeconds", Math.round(enqueueSeconds * 100) / 100.0);
            extra.put("receipts", receipts);
            extra.put("repeatsAtSink", sink.repeats.get());
            extra.put("ratio", Math.round((count / qalqan) / (count / baseline) * 100) / 100.0);
            new BenchResult("callup", count, qalqan, baseline, Map.of()).print(out, "Qalqan outbox dispatch (end to end)",
                    "bare posting loop (no database)");
            out.printf("messages/second: Qalqan %d, bare loop %d, ratio (Qalqan / bare) %.2f%n",
                    extra.get("messagesPerSecond"), extra.get("baselineMessagesPerSecond"), extra.get("ratio"));
            StringBuilder line = new StringBuilder("{\"bench\":\"callup\",\"count\":").append(count)
                    .append(",\"qalqanSeconds\":").append(Math.round(qalqan * 100) / 100.0)
                    .append(",\"baselineSeconds\":").append(Math.round(baseline * 100) / 100.0);
            extra.forEach((k, v) -> line.append(",\"").append(k).append("\":").append(v));
            out.println(line.append('}'));
            return 0;
        }
    }

    static void check(Sink sink, String prefix, int count) {
        long taken = sink.taken.stream().filter(k -> k.startsWith(prefix)).count();
        if (taken != count) {
            throw new IllegalStateException("the sink took " + taken + " of " + count + " messages for " + prefix);
        }
    }

    private double enqueueSeconds;

    private void qalqan(Sink sink, String correlation, int count, int workers) {
        enqueueSeconds = callUp(notifications, outbox, sink, correlation, count, workers);
    }

    /** Enqueues N call-ups and dispatches them through the outbox to the sink; answers the enqueue's seconds. */
    static double callUp(Notifications notifications, Outbox outbox, Sink sink, String correlation, int count, int workers) {
        long started = System.nanoTime();
        List<Recipient> recipients = recipients(count);
        Enqueued enqueued = notifications.enqueueTo(new Notice("callup",
                Map.of("title", "Су тасқыны", "place", "Атырау, штаб", "time", "18:00"), List.of(Channel.WEBHOOK),
                correlation, correlation, true, null), recipients);
        if (enqueued.queued() != count) {
            throw new IllegalStateException("queued " + enqueued.queued() + " of " + count);
        }
        double enqueueTook = (System.nanoTime() - started) / 1e9;
        long sent = outbox.dispatchDueVia(sink.url(), SECRET, workers, correlation);
        if (sent != count) {
            throw new IllegalStateException("dispatched " + sent + " of " + count);
        }
        check(sink, correlation + ":", count);
        return enqueueTook;
    }

    private static List<Recipient> recipients(int count) {
        List<Recipient> list = new ArrayList<>(count);
        String[] languages = {"kk", "ru", "en"};
        for (int i = 1; i <= count; i++) {
            list.add(new Recipient(i, "Бенчмарк " + i, languages[i % 3], null, String.format("+7701%07d", i), null, "KZ-23/"));
        }
        return list;
    }

    /** What a hand-written sender would do: build the same JSON, sign it, post it; no outbox, no records. */
    private static void bare(Sink sink, String key, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger(1);
        AtomicLong failures = new AtomicLong();
        URL url = URI.create(sink.url()).toURL();
        String[] languages = {"kk", "ru", "en"};
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                for (int i = next.getAndIncrement(); i <= count; i = next.getAndIncrement()) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("idempotencyKey", key + ":" + i);
                    p.put("messageId", i);
                    p.put("correlationId", key);
                    p.put("memberId", i);
                    p.put("language", languages[i % 3]);
                    p.put("phone", String.format("+7701%07d", i));
                    p.put("email", null);
                    p.put("subject", "Шақыру: Су тасқыны");
                    p.put("body", "Сіз шақырылдыңыз. 18:00 дейін Атырау, штаб келіңіз. Төмендегі сілтеме арқылы жауап беріңіз "
                            + "немесе SMS: ИӘ, ЖОҚ және себебі, келе алмасаңыз 3.");
                    p.put("expectsReply", true);
                    p.put("replyUrl", "http://localhost:8080/r/" + i + ".1900000000.AAAAAAAAAAAAAAAAAAAAAA");
                    byte[] body = JSON.writeValueAsBytes(p);
                    long ts = System.currentTimeMillis() / 1000;
                    mac.update((ts + ".").getBytes(StandardCharsets.US_ASCII));
                    String signature = HexFormat.of().formatHex(mac.doFinal(body));
                    HttpURLConnection c = (HttpURLConnection) url.openConnection();
                    c.setDoOutput(true);
                    c.setRequestMethod("POST");
                    c.setFixedLengthStreamingMode(body.length);
                    c.setRequestProperty("Content-Type", "application/json");
                    c.setRequestProperty("Idempotency-Key", key + ":" + i);
                    c.setRequestProperty("X-Qalqan-Timestamp", Long.toString(ts));
                    c.setRequestProperty("X-Qalqan-Signature", "v1=" + signature);
                    try (OutputStream o = c.getOutputStream()) {
                        o.write(body);
                    }
                    if (c.getResponseCode() != 200) {
                        failures.incrementAndGet();
                    }
                    try (InputStream in = c.getInputStream()) {
                        in.readAllBytes();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(1, TimeUnit.HOURS) || failures.get() > 0) {
            throw new IllegalStateException("bare loop: " + failures.get() + " failed posts");
        }
    }

    /** The local gateway: checks the signature, takes each idempotency key once, answers with a receipt id. */
    static final class Sink implements AutoCloseable {

        final Set<String> taken = ConcurrentHashMap.newKeySet();
        final AtomicLong repeats = new AtomicLong();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(8);

        Sink() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
                try {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    return mac;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            server.createContext("/hook", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String ts = exchange.getRequestHeaders().getFirst("X-Qalqan-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Qalqan-Signature");
                Mac mac = macs.get();
                mac.update((ts + ".").getBytes(StandardCharsets.US_ASCII));
                boolean valid = key != null && signature != null
                        && signature.equals("v1=" + HexFormat.of().formatHex(mac.doFinal(body)));
                if (valid && !taken.add(key)) {
                    repeats.incrementAndGet();
                }
                if (valid) {
                    exchange.getResponseHeaders().add("X-Receipt-Id", "r-" + key);
                }
                exchange.sendResponseHeaders(valid ? 200 : 401, -1);
                exchange.close();
            });
            server.setExecutor(executor);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
