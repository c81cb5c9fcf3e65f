package kz.qalqan.bench.internal;

import kz.qalqan.audit.AuditBenchmarkSwitch;
import kz.qalqan.identity.GrantRequest;
import kz.qalqan.identity.NewAccessToken;
import kz.qalqan.identity.NewUser;
import kz.qalqan.identity.UserAdministration;
import kz.qalqan.platform.Command;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code bench api}: {@code GET /api/members/{id}} over HTTP with a bearer token, each read audited as in
 * production, against the same reads with the audit event written by a no-op — same members, same token, same
 * number of concurrent clients, in one run. The two kinds alternate in rounds so that a machine that slows down
 * part-way weighs on both. Prints both rates, their ratio and p50/p99 latency.
 */
@Component
class ApiBenchmark implements Command {

    private final ReadinessBenchmark force;
    private final UserAdministration users;
    private final ObjectProvider<AuditBenchmarkSwitch> auditSwitch;
    private final Environment environment;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ApiBenchmark(ReadinessBenchmark force, UserAdministration users, ObjectProvider<AuditBenchmarkSwitch> auditSwitch,
                 Environment environment, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.force = force;
        this.users = users;
        this.auditSwitch = auditSwitch;
        this.environment = environment;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String name() {
        return "bench api";
    }

    @Override
    public String usage() {
        return "bench api [--count N] [--concurrency C] [--seconds S] [--rounds R]  audited member reads vs no-op audit over HTTP";
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, List.of("count", "concurrency", "seconds", "rounds"));
        long members = BenchOptions.positive(options, "count", 100_000);
        int concurrency = (int) BenchOptions.positive(options, "concurrency", 16);
        int seconds = (int) BenchOptions.positive(options, "seconds", 10);
        int rounds = (int) BenchOptions.positive(options, "rounds", 3);
        AuditBenchmarkSwitch audit = auditSwitch.getIfAvailable();
        String port = environment.getProperty("local.server.port");
        if (audit == null || port == null) {
            throw new IllegalStateException("bench api needs the HTTP server and the audit benchmark switch of its own context");
        }
        out.printf("Building a force of %,d members ...%n", members);
        transactions.executeWithoutResult(s -> force.generate(members, Math.max(10, members / 100), LocalDate.now()));
        long[] ids = jdbc.sql("select id from registry.member").query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
        String token = token();
        URI base = URI.create("http://127.0.0.1:" + port + "/api/members/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Load load = new Load(http, base, token, ids, concurrency);

        out.printf("%d clients, %d rounds of %d s audited then %d s no-op audit (after a warm-up) ...%n",
                concurrency, rounds, seconds, seconds);
        audit.writeNothing(false);
        load.run(3);
        audit.writeNothing(true);
        load.run(3);
        Tally audited = new Tally();
        Tally noOp = new Tally();
        long auditedEvents = 0;
        for (int round = 0; round < rounds; round++) {
            audit.writeNothing(false);
            long before = memberReads();
            audited.add(load.run(seconds));
            auditedEvents += memberReads() - before;
            audit.writeNothing(true);
            before = memberReads();
            noOp.add(load.run(seconds));
            if (memberReads() != before) {
                throw new IllegalStateException("the no-op phase wrote audit events");
            }
        }
        audit.writeNothing(false);
        if (auditedEvents != audited.requests) {
            throw new IllegalStateException(audited.requests + " audited reads left " + auditedEvents + " audit events");
        }
        double auditedRate = audited.requests / audited.seconds;
        double noOpRate = noOp.requests / noOp.seconds;
        double ratio = auditedRate / noOpRate;
        out.printf(Locale.ROOT, "requests/second: audited %.0f, no-op audit %.0f, ratio (audited / no-op) %.2f (target ≥ 0.7)%n",
                auditedRate, noOpRate, ratio);
        out.printf(Locale.ROOT, "latency ms: audited p50 %.2f p99 %.2f; no-op audit p50 %.2f p99 %.2f; errors %d%n",
                audited.percentile(50), audited.percentile(99), noOp.percentile(50), noOp.percentile(99),
                audited.errors + noOp.errors);
        out.printf(Locale.ROOT, "{\"bench\":\"api\",\"members\":%d,\"concurrency\":%d,\"auditedPerSecond\":%.0f,\"noOpPerSecond\":%.0f,"
                        + "\"ratio\":%.2f,\"auditedP50Ms\":%.2f,\"auditedP99Ms\":%.2f,\"noOpP50Ms\":%.2f,\"noOpP99Ms\":%.2f,"
                        + "\"auditEvents\":%d,\"errors\":%d}%n",
                members, concurrency, auditedRate, noOpRate, ratio, audited.percentile(50), audited.percentile(99),
                noOp.percentile(50), noOp.percentile(99), auditedEvents, audited.errors + noOp.errors);
        return audited.errors + noOp.errors == 0 ? 0 : 1;
    }

    private long memberReads() {
        return jdbc.sql("select count(*) from audit.event where action = 'MEMBER_READ'").query(Long.class).single();
    }

    private String token() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = "Bench-" + HexFormat.of().formatHex(random);
        String username = "bench-" + Long.toString(System.nanoTime(), 36);
        users.create(new NewUser(username, password, "Bench reader", "en", null, List.of(new GrantRequest("ADMIN", "KZ"))), "bench");
        return users.issueToken(username, new NewAccessToken("bench api", 1)).secret();
    }

    /** Concurrent clients reading random members for a while. */
    private record Load(HttpClient http, URI base, String token, long[] ids, int concurrency) {

        Tally run(int seconds) throws Exception {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                List<Future<Tally>> clients = new ArrayList<>();
                long started = System.nanoTime();
                for (int c = 0; c < concurrency; c++) {
                    clients.add(pool.submit(() -> client(end)));
                }
                Tally total = new Tally();
                for (Future<Tally> client : clients) {
                    total.add(client.get());
                }
                total.seconds = (System.nanoTime() - started) / 1e9;
                return total;
            } finally {
                pool.shutdownNow();
            }
        }

        private Tally client(long end) {
            Tally tally = new Tally();
            while (System.nanoTime() < end) {
                long id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
                HttpRequest request = HttpRequest.newBuilder(base.resolve(Long.toString(id)))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
                long sent = System.nanoTime();
                try {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    tally.record(System.nanoTime() - sent, response.statusCode() == 200);
                } catch (Exception e) {
                    tally.record(System.nanoTime() - sent, false);
                }
            }
            return tally;
        }
    }

    /** Requests, errors and latencies of one or more phases. */
    private static final class Tally {
        long requests;
        long errors;
        double seconds;
        long[] latencies = new long[1024];
        int size;

        void record(long nanos, boolean ok) {
            requests++;
            if (!ok) {
                errors++;
            }
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = nanos;
        }

        void add(Tally other) {
            requests += other.requests;
            errors += other.errors;
            seconds += other.seconds;
            if (size + other.size > latencies.length) {
                latencies = Arrays.copyOf(latencies, Math.max(latencies.length * 2, size + other.size));
            }
            System.arraycopy(other.latencies, 0, latencies, size, other.size);
            size += other.size;
        }

        double percentile(int p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(latencies, size);
            Arrays.sort(sorted);
            return sorted[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)] / 1e6;
        }
    }
}
