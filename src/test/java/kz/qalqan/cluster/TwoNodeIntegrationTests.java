package kz.qalqan.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.qalqan.notification.WebhookSink;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application processes on one PostgreSQL database, reached only through their own ports, as behind a load
 * balancer: a session started on one node goes on on the other; a call-up survives the SIGKILL of a node in the
 * middle of dispatch with nothing lost and nothing delivered twice by key; escalation and the daily readiness job
 * run once cluster-wide; a report made on one node shows on the other node's board.
 *
 * <p>The database is a fresh one made for this class: in the external server of {@code QALQAN_DB_URL} when set
 * (CI's second phase), otherwise in an embedded PostgreSQL started here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeIntegrationTests {

    private static final String ADMIN_PASSWORD = "test-admin-password-1";
    private static final int CALL_UP = 5_000;
    private static final int SILENT = 500;
    private static final int WORKERS = 2;
    private static final int BATCH = 50;
    private static final int CONCURRENCY = 8;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");
    private static final Pattern DAILY_RUN = Pattern.compile("Readiness daily job for \\S+: \\d+ nodes changed level");
    private static final Pattern DAILY_SKIP = Pattern.compile("Readiness daily job for \\S+: already run");

    @TempDir
    static Path dir;

    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String database;
    private String jdbcUrl;
    private String user;
    private String password;
    private final WebhookSink sink = new WebhookSink();
    private Node a;
    private Node b;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Node(String name, Process process, int port, Path log) {
        String url(String path) {
            return "http://localhost:" + port + path;
        }

        ApiClient admin() {
            return new ApiClient(port, "admin", ADMIN_PASSWORD);
        }
    }

    @BeforeAll
    void startDatabaseAndNodes() throws Exception {
        String external = System.getenv("QALQAN_DB_URL");
        database = "qalqan_two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (external != null && !external.isBlank()) {
            user = env("QALQAN_DB_USER", "postgres");
            password = env("QALQAN_DB_PASSWORD", "");
            adminUrl = external;
            int query = external.indexOf('?') < 0 ? external.length() : external.indexOf('?');
            String base = external.substring(0, query);
            jdbcUrl = base.substring(0, base.lastIndexOf('/') + 1) + database + external.substring(query);
        } else {
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("pg"))
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(dir.resolve("pg-binaries").toFile())
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    // the test kills application nodes, never the database: durability on disk is not under test
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            user = "postgres";
            password = "";
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            jdbcUrl = "jdbc:postgresql://localhost:" + embedded.getPort() + "/" + database;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); var s = c.createStatement()) {
            s.execute("create database " + database + " encoding 'UTF8' template template0");
        }
        // one node first: it migrates the database and creates the admin account; the second joins a ready database
        a = start("a");
        awaitHealthy(a);
        b = start("b");
        awaitHealthy(b);
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (Node node : new Node[]{a, b}) {
            if (node != null) {
                node.process().destroy();
            }
        }
        for (Node node : new Node[]{a, b}) {
            if (node != null && !node.process().waitFor(30, TimeUnit.SECONDS)) {
                node.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        sink.close();
        try {
            if (embedded != null) {
                embedded.close();
            } else if (adminUrl != null) {
                try (Connection c = DriverManager.getConnection(adminUrl, user, password); var s = c.createStatement()) {
                    s.execute("drop database if exists " + database + " with (force)");
                }
            }
        } catch (IOException | SQLException e) {
            System.err.println("Could not remove the two-node database: " + e);
        }
    }

    private Node start(String name) throws IOException {
        Path home = Files.createDirectories(dir.resolve("node-" + name));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "kz.qalqan.QalqanApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--qalqan.data-dir=" + home,
                "--qalqan.demo=false",
                "--qalqan.admin-password=" + ADMIN_PASSWORD,
                "--qalqan.node-id=node-" + name,
                "--logging.file.name=" + home.resolve("qalqan.log"),
                "--qalqan.notification.dispatch=true",
                "--qalqan.notification.webhook.url=" + sink.url(),
                "--qalqan.notification.webhook.secret=" + WebhookSink.SECRET,
                "--qalqan.notification.workers=" + WORKERS,
                "--qalqan.notification.batch-size=" + BATCH,
                "--qalqan.notification.concurrency=" + CONCURRENCY,
                "--qalqan.notification.poll-interval=200ms",
                "--qalqan.notification.lease=3s",
                "--qalqan.notification.reply-within=2s",
                "--qalqan.notification.escalation-interval=100ms",
                "--qalqan.notification.commander-fallback-email=duty@example.kz",
                "--qalqan.readiness.daily-cron=*/10 * * * * *"));
        Path log = home.resolve("console.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Node(name, process, port, log);
    }

    private void awaitHealthy(Node node) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(node.process().isAlive()).as("node %s died at start: %s", node.name(), tail(node)).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(node.url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node " + node.name() + " not healthy in 120 s: " + tail(node));
    }

    // ---------------------------------------------------------------- 1. a session started on A goes on on B

    @Test
    @Order(1)
    void aBrowserSessionStartedOnOneNodeGoesOnOnTheOther() throws Exception {
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(a.url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String anonymous = sessionCookie(loginPage).orElseThrow();
        String form = "username=admin&password=" + ADMIN_PASSWORD + "&_csrf=" + csrf(loginPage.body());
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(a.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + anonymous)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as("signed in on A").isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = sessionCookie(signIn).orElseThrow(() -> new AssertionError("no new session at sign-in"));

        HttpResponse<String> membersOnB = page(b, "/members", session);
        assertThat(membersOnB.statusCode()).as("a page that needs sign-in, on B with A's session").isEqualTo(200);
        assertThat(membersOnB.body()).contains("admin");
        assertThat(page(b, "/members", null).statusCode()).as("the same page on B without the session").isEqualTo(302);

        String token = csrf(page(a, "/members", session).body());
        assertThat(postForm(b, "/logout", session, "_csrf=wrong-" + token).statusCode())
                .as("B checks the session's CSRF token").isEqualTo(403);
        HttpResponse<String> logout = postForm(b, "/logout", session, "_csrf=" + token);
        assertThat(logout.statusCode()).as("a form POST on B with the CSRF token issued by A").isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElse("")).contains("/login?logout");
        assertThat(page(a, "/members", session).statusCode()).as("signed out on B is signed out on A").isEqualTo(302);
    }

    private HttpResponse<String> page(Node node, String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept", "text/html");
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(Node node, String path, String session, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring("SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty()).findFirst();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    // ---------------------------------------------------------------- 2-3. call-up through a SIGKILL, escalation, daily job

    @Test
    @Order(3) // last: it kills node A
    void aCallUpSurvivesTheKillOfANodeAndTheJobsRunOnceClusterWide() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Long> members = insertMembers(tag, CALL_UP);

        // escalation, while both nodes run: silent members of a notice expecting a reply (within 2 s), webhook then SMS
        // (SMS is not configured, so the second channel fails at once and the commander is told); 500 of them, so that
        // a pass takes long enough for the two nodes' passes to meet
        List<Long> silent = members.subList(0, SILENT);
        var escalation = a.admin().postJson("/api/notifications", Map.of("templateKey", "callup",
                "parameters", Map.of("title", "Escalation " + tag), "channels", List.of("WEBHOOK", "SMS"),
                "idempotencyKey", "esc-" + tag, "correlationId", "esc-" + tag, "expectsReply", true, "memberIds", silent));
        assertThat(escalation.status()).as(escalation.toString()).isEqualTo(202);

        // escalation ran once per step although both nodes ran passes every 100 ms
        String escalationCorrelation = "%esc-" + tag;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && count("""
                select count(*) from notification.message where correlation_id like ? and escalation_level = 2""",
                escalationCorrelation) < silent.size()) {
            Thread.sleep(250);
        }
        assertThat(count("select count(*) from notification.message where correlation_id like ? and escalation_level = 2",
                escalationCorrelation)).as("every silent member's commander told").isEqualTo(silent.size());
        assertThat(count("select count(*) from notification.message where correlation_id like ? and channel_index <> 1",
                escalationCorrelation)).as("each message moved on to its next channel exactly once").isZero();
        assertThat(count("select count(*) from notification.message where correlation_id like ?",
                escalationCorrelation + "/escalation")).as("one message to the commander per silent member").isEqualTo(silent.size());
        // two passes over the same message would move it on twice, past SMS, which would then never be tried
        assertThat(count("""
                select count(*) from notification.attempt t join notification.message m on m.id = t.message_id
                where m.correlation_id like ? and t.channel = 'SMS'""", escalationCorrelation))
                .as("one try of the second channel per silent member").isEqualTo(silent.size());

        // the daily job fires every 10 s on both nodes: let each node fire it at least once with the other up
        long dailyDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((count(a, DAILY_SKIP) == 0 || count(b, DAILY_SKIP) == 0) && System.nanoTime() < dailyDeadline) {
            Thread.sleep(200);
        }
        long dailyRuns = count(a, DAILY_RUN) + count(b, DAILY_RUN);
        System.out.printf("Two nodes: daily readiness job ran %d time(s); firings skipped: A %d, B %d%n",
                dailyRuns, count(a, DAILY_SKIP), count(b, DAILY_SKIP));
        assertThat(count(a, DAILY_SKIP)).as("A fired the daily job and found the day done").isPositive();
        assertThat(count(b, DAILY_SKIP)).as("B fired the daily job and found the day done").isPositive();
        assertThat(dailyRuns).as("the daily job ran once for the day, both nodes together").isEqualTo(1);

        sink.delayMicros(5_000);
        long started = System.nanoTime();
        var callUp = b.admin().postJson("/api/notifications", Map.of("templateKey", "callup",
                "parameters", Map.of("title", "Two nodes " + tag), "channels", List.of("WEBHOOK"),
                "idempotencyKey", "two-" + tag, "correlationId", "two-" + tag, "expectsReply", false, "memberIds", members));
        assertThat(callUp.status()).as(callUp.toString()).isEqualTo(202);
        String correlation = callUp.json().get("correlationId").asString();
        assertThat(callUp.json().get("queued").asInt()).isEqualTo(CALL_UP);

        // kill A with SIGKILL while both nodes dispatch, early in a batch of A's: near a batch's end A holds nothing for
        // a moment (its workers share one pool, so their batches end together) and the kill would find it idle
        String nodeA = "node-" + a.name();
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Set<Long> heldBeforeKill = Set.of();
        while (System.nanoTime() < deadline && (delivered(correlation) < 800 || (heldBeforeKill = claimedBy(correlation, nodeA)).size() < BATCH - 10)) {
            Thread.sleep(10);
        }
        a.process().destroyForcibly(); // SIGKILL on Linux, right after seeing A hold messages
        assertThat(a.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();
        Set<Long> claimedByA = claimedBy(correlation, nodeA);
        long deliveredAtKill = delivered(correlation);
        assertThat(claimedByA).as("A was dispatching when killed (held %d just before; now %s)", heldBeforeKill.size(),
                statuses(heldBeforeKill)).isNotEmpty();
        assertThat(deliveredAtKill).as("the call-up was under way when A was killed").isBetween(1L, CALL_UP - 1L);

        deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long resumedAt = 0;
        while (System.nanoTime() < deadline && (outstanding(correlation) > 0 || resumedAt == 0)) {
            if (resumedAt == 0 && deliveredAmong(claimedByA) == claimedByA.size()) {
                resumedAt = System.nanoTime();
            }
            Thread.sleep(50);
        }
        long finished = System.nanoTime();
        sink.delayMicros(0);
        assertThat(outstanding(correlation)).as("nothing left pending after B took over").isZero();
        assertThat(resumedAt).as("B delivered what A had claimed").isPositive();

        List<String> keys = strings("select idempotency_key from notification.message where correlation_id = ?", correlation);
        assertThat(keys).hasSize(CALL_UP);
        Map<Integer, Integer> timesSeen = new TreeMap<>();
        keys.forEach(k -> timesSeen.merge(sink.timesSeen(k), 1, Integer::sum));
        long repeats = keys.stream().filter(k -> sink.timesSeen(k) > 1).count();
        assertThat(timesSeen.getOrDefault(0, 0)).as("members the message never reached").isZero();
        assertThat(timesSeen.keySet()).as("times a key reached the receiver").allMatch(n -> n <= 2);
        // a repeat is a message A sent but had not recorded when it died: in flight, or its outcome waiting for the
        // commit under way (on a busy machine, many sends finish during one commit), so the bound is what A held
        assertThat(repeats).as("repeats only among the %d messages A held when killed", claimedByA.size())
                .isLessThanOrEqualTo(claimedByA.size());
        assertThat(sink.badSignatures()).isEmpty();
        long sentByA = sentBy(correlation, nodeA);
        long sentByB = sentBy(correlation, "node-" + b.name());
        assertThat(sentByA).as("A dispatched part of the call-up").isPositive();
        assertThat(sentByB).as("B dispatched part of the call-up").isPositive();
        assertThat(count("""
                select count(*) from notification.message m
                where m.correlation_id = ? and m.status = 'DELIVERED'
                  and (select count(*) from notification.receipt r where r.message_id = m.id and r.status = 'DELIVERED') = 1""",
                correlation)).as("DELIVERED with exactly one receipt each").isEqualTo(CALL_UP);
        System.out.printf("Two nodes: %d messages in %.1f s; A killed with %d delivered and %d claimed by A; "
                        + "A's claims delivered by B %.1f s after the kill; %d sent twice (absorbed by the key); sends by A %d, by B %d%n",
                CALL_UP, (finished - started) / 1e9, deliveredAtKill, claimedByA.size(), (resumedAt - killedAt) / 1e9, repeats, sentByA, sentByB);
    }

    /** Lines of a node's log that match. */
    private static long count(Node node, Pattern pattern) throws IOException {
        try (Stream<String> lines = Files.lines(node.log(), StandardCharsets.UTF_8)) {
            return lines.filter(l -> pattern.matcher(l).find()).count();
        }
    }

    // ---------------------------------------------------------------- 4. a report on B shows on A's board

    @Test
    @Order(2)
    void aReportMadeOnOneNodeShowsOnTheOtherNodesBoard() throws Exception {
        Node watcher = a;
        double lat = 43.23;
        double lon = 76.88;
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Екітораб");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("lat", lat);
        m.put("lon", lon);
        var created = b.admin().postJson("/api/members", m);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long member = created.json().get("id").asLong();
        var declared = watcher.admin().postJson("/api/emergencies", Map.of("title", "Сел", "type", "MUDFLOW", "severity", "SEVERE",
                "area", Map.of("circles", List.of(Map.of("center", Map.of("lat", lat, "lon", lon), "radiusKm", 1)))));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        long id = declared.json().get("id").asLong();
        String api = "/api/emergencies/" + id + "/accountability";
        long deadline = System.currentTimeMillis() + 30_000;
        while (b.admin().get(api + "/" + member).status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }

        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(watcher.url("/emergencies/" + id + "/accountability/stream")))
                        .header("Authorization", basic).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(await(lines, "ready")).as("A's board stream opens").isTrue();
            long reported = System.nanoTime();
            var report = b.admin().postJson(api + "/" + member, Map.of("status", "SAFE"));
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            assertThat(await(lines, "changed")).as("A's open board hears of the report made on B").isTrue();
            System.out.printf("Two nodes: a report on B reached A's board in %.2f s%n", (System.nanoTime() - reported) / 1e9);
            var onA = watcher.admin().get(api + "/" + member);
            assertThat(onA.status()).isEqualTo(200);
            assertThat(onA.body()).contains("SAFE");
        } finally {
            response.body().close();
        }
    }

    private static boolean await(BlockingQueue<String> lines, String event) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("event:") && line.substring(6).trim().equals(event)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- the shared database, read directly

    private List<Long> insertMembers(String tag, int n) throws SQLException {
        try (Connection c = connection(); var s = c.prepareStatement("""
                insert into registry.member (iin, last_name, first_name, region_code, org_path, language)
                select '8' || lpad((? + i)::text, 11, '0'), 'Node', 'Member ' || i, 'KZ-23', 'KZ-23/', 'kk'
                from generate_series(1, ?) i
                returning id""")) {
            s.setLong(1, Math.floorMod(tag.hashCode(), 1_000_000) * 10_000L);
            s.setInt(2, n);
            List<Long> ids = new ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private long delivered(String correlation) throws SQLException {
        return count("select count(*) from notification.message where correlation_id = ? and status = 'DELIVERED'", correlation);
    }

    private long outstanding(String correlation) throws SQLException {
        return count("select count(*) from notification.message where correlation_id = ? and status in ('PENDING', 'SENDING')", correlation);
    }

    /** Messages held under a lease by a node (lease owners and workers are {@code <node id>/<worker>}). */
    private Set<Long> claimedBy(String correlation, String node) throws SQLException {
        try (Connection c = connection(); var s = c.prepareStatement("""
                select id from notification.message where correlation_id = ? and status = 'SENDING' and lease_owner like ?""")) {
            s.setString(1, correlation);
            s.setString(2, node + "/%");
            Set<Long> ids = new java.util.HashSet<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private long sentBy(String correlation, String node) throws SQLException {
        return count("""
                select count(*) from notification.attempt t join notification.message m on m.id = t.message_id
                where m.correlation_id = ? and t.outcome = 'SENT' and t.worker like '""" + node + "/%'", correlation);
    }

    private List<String> statuses(Set<Long> ids) throws SQLException {
        try (Connection c = connection(); var s = c.prepareStatement(
                "select status || ' ' || coalesce(lease_owner, '-') || ' ' || coalesce(lease_until::text, '-') from notification.message where id = any(?) limit 5")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            List<String> result = new ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }

    private long deliveredAmong(Set<Long> ids) throws SQLException {
        try (Connection c = connection(); var s = c.prepareStatement(
                "select count(*) from notification.message where id = any(?) and status = 'DELIVERED'")) {
            s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, String param) throws SQLException {
        try (Connection c = connection(); var s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> strings(String sql, String param) throws SQLException {
        try (Connection c = connection(); var s = c.prepareStatement(sql)) {
            s.setString(1, param);
            List<String> result = new ArrayList<>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static String tail(Node node) {
        try {
            List<String> lines = Files.readAllLines(node.log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
