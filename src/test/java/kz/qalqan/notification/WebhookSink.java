package kz.qalqan.notification;

import com.sun.net.httpserver.HttpServer;
import kz.qalqan.notification.internal.Hmac;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver as a gateway would be: checks the signature, takes each idempotency key once (a repeat
 * gets the same receipt and changes nothing) and remembers every request that reached it.
 */
public final class WebhookSink implements AutoCloseable {

    public static final String SECRET = "sink-secret-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    /** Every request with a valid signature, repeats included: key → times seen. */
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    /** Keys taken (first sight), with the payload. */
    private final Map<String, JsonNode> taken = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    /** Keys that should fail (HTTP 503) this many more times. */
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Set<String> failAlwaysPrefixes = ConcurrentHashMap.newKeySet();
    private final AtomicLong requests = new AtomicLong();
    private volatile long delayMicros;

    public WebhookSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.incrementAndGet();
            if (delayMicros > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(delayMicros * 1000);
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String timestamp = exchange.getRequestHeaders().getFirst("X-Qalqan-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Qalqan-Signature");
            int status;
            if (key == null || timestamp == null || signature == null || !MessageDigest.isEqual(
                    ("v1=" + Hmac.webhookSignature(SECRET, Long.parseLong(timestamp), body)).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII))) {
                badSignatures.add(String.valueOf(key));
                status = 401;
            } else if (failAlwaysPrefixes.stream().anyMatch(key::startsWith)
                    || failures.getOrDefault(key, new AtomicInteger()).getAndDecrement() > 0) {
                status = 503;
            } else {
                seen.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                taken.computeIfAbsent(key, k -> JSON.readTree(body));
                status = 200;
            }
            if (status == 200) {
                exchange.getResponseHeaders().add("X-Receipt-Id", "r-" + key);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void failNextTimes(String key, int times) {
        failures.put(key, new AtomicInteger(times));
    }

    public void failAlways(String keyPrefix) {
        failAlwaysPrefixes.add(keyPrefix);
    }

    public void delayMicros(long micros) {
        this.delayMicros = micros;
    }

    public int timesSeen(String key) {
        AtomicInteger n = seen.get(key);
        return n == null ? 0 : n.get();
    }

    public JsonNode payload(String key) {
        return taken.get(key);
    }

    public Map<String, Integer> seenWithPrefix(String prefix) {
        Map<String, Integer> result = new java.util.TreeMap<>();
        seen.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k, v.get());
            }
        });
        return result;
    }

    public List<String> badSignatures() {
        return badSignatures;
    }

    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
