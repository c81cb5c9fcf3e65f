package kz.qalqan.emergency.callup;

import kz.qalqan.emergency.CallUpOrdered;
import kz.qalqan.notification.internal.ReplyTokens;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A confirmed call-up ({@link CallUpOrdered}) queues one message per member in their language; answers land on the
 * activations; stand-down releases and tells the activated; the progress counts what happened. Dispatch is off in
 * tests, so messages stay queued; answers go through real signed reply links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallUpIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ReplyTokens tokens;

    private ApiClient admin() {
        return ApiClient.admin(port);
    }

    record World(long emergency, long kk, long ru, long en, String tag) {
    }

    private World world() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var unit = admin().postJson("/api/units", Map.of("code", "CU-" + tag, "name", "Құтқару взводы", "type", "PLATOON",
                "regionCode", "KZ-23"));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        long unitId = unit.json().get("id").asLong();
        long kk = member(unitId, "kk", "kk-" + tag + "@example.kz", phone());
        long ru = member(unitId, "ru", null, phone());
        long en = member(unitId, "en", "en-" + tag + "@example.kz", null);
        var e = admin().postJson("/api/emergencies", Map.of("title", "Су тасқыны " + tag, "type", "FLOOD", "severity", "SEVERE",
                "exercise", true, "area", Map.of("regionCodes", List.of("KZ-23"))));
        assertThat(e.status()).as(e.toString()).isEqualTo(201);
        return new World(e.json().get("id").asLong(), kk, ru, en, tag);
    }

    private long member(long unit, String language, String email, String phone) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Шақырылған");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-23");
        m.put("unitId", unit);
        m.put("language", language);
        m.put("email", email);
        m.put("phone", phone);
        var r = admin().postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static String phone() {
        return "+7701" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private long messages(String correlation) {
        return jdbc.sql("select count(*) from notification.message where correlation_id = ?").param(correlation)
                .query(Long.class).single();
    }

    private Map<String, Object> message(String correlation, long member) {
        return jdbc.sql("""
                        select idempotency_key, language, subject, body, array_to_string(channels, ',') as channels,
                               expects_reply, reply_within_seconds, template_key, id
                        from notification.message where correlation_id = ? and member_id = ?""")
                .params(correlation, member).query().singleRow();
    }

    private String activation(long emergency, long member) {
        return jdbc.sql("select status from emergency.activation where emergency_id = ? and member_id = ?")
                .params(emergency, member).query(String.class).optional().orElse(null);
    }

    private World calledUp(long callUpId) {
        World w = world();
        CallUpOrdered order = new CallUpOrdered(w.emergency(), callUpId, List.of(w.kk(), w.ru(), w.en()), "coordinator-" + w.tag());
        publish(order);
        await("the call-up messages", () -> messages(order.correlationId()) == 3);
        return w;
    }

    private void reply(String correlation, long member, String answer, String reason) {
        long messageId = ((Number) message(correlation, member).get("id")).longValue();
        String token = tokens.issue(messageId, Instant.now().plus(Duration.ofHours(1)));
        Map<String, Object> body = new HashMap<>();
        body.put("answer", answer);
        body.put("reason", reason);
        var r = ApiClient.anonymous(port).postJson("/api/notifications/replies/" + token, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void aCallUpQueuesOneMessagePerMemberInTheirLanguageWithTheCallUpKeys() {
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        World w = calledUp(callUpId);
        String correlation = CallUpOrdered.correlationId(w.emergency(), callUpId);

        Map<String, Object> kk = message(correlation, w.kk());
        assertThat(kk.get("idempotency_key")).isEqualTo("callup:" + w.emergency() + ":" + callUpId + ":" + w.kk());
        assertThat(kk.get("language")).isEqualTo("kk");
        assertThat(kk.get("template_key")).isEqualTo("callup");
        assertThat((String) kk.get("subject")).isEqualTo("Шақыру: Су тасқыны " + w.tag());
        assertThat((String) kk.get("body")).startsWith("Сіз шақырылдыңыз.").contains("Атырау");
        assertThat(kk.get("channels")).isEqualTo("EMAIL,SMS,WEBHOOK");
        assertThat(kk.get("expects_reply")).isEqualTo(true);
        assertThat(((Number) kk.get("reply_within_seconds")).longValue()).isEqualTo(15 * 60);
        assertThat((String) message(correlation, w.ru()).get("subject")).isEqualTo("Вызов: Су тасқыны " + w.tag());
        assertThat(message(correlation, w.ru()).get("language")).isEqualTo("ru");
        assertThat((String) message(correlation, w.en()).get("subject")).isEqualTo("Call-up: Су тасқыны " + w.tag());
        assertThat((String) message(correlation, w.en()).get("body")).startsWith("You are called up. Report to ");
        // the members' activations exist (written here when the selection had not)
        assertThat(activation(w.emergency(), w.kk())).isEqualTo("ORDERED");
        // the audit trail names the coordinator who ordered it
        assertThat(jdbc.sql("select count(*) from audit.event where action = 'CALLUP_SEND' and entity_id = ? and details like ?")
                .params(Long.toString(w.emergency()), "call-up " + callUpId + " ordered by coordinator-" + w.tag() + ":%")
                .query(Long.class).single()).isEqualTo(1);

        // the same event again (a resubmitted publication) sends nothing more
        publish(new CallUpOrdered(w.emergency(), callUpId, List.of(w.kk(), w.ru(), w.en()), "coordinator-" + w.tag()));
        long second = callUpId + 1;
        publish(new CallUpOrdered(w.emergency(), second, List.of(w.kk()), "coordinator-" + w.tag()));
        await("the second call-up", () -> messages(CallUpOrdered.correlationId(w.emergency(), second)) == 1);
        assertThat(messages(correlation)).isEqualTo(3);
    }

    @Test
    void answersLandOnTheActivationsAndTheProgressCountsThem() {
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        World w = calledUp(callUpId);
        String correlation = CallUpOrdered.correlationId(w.emergency(), callUpId);

        reply(correlation, w.kk(), "ACCEPT", null);
        reply(correlation, w.ru(), "DECLINE", "Ауырып жатырмын");
        await("the answers on the activations", () -> "ACCEPTED".equals(activation(w.emergency(), w.kk()))
                && "DECLINED".equals(activation(w.emergency(), w.ru())));
        assertThat(jdbc.sql("select reason from emergency.activation where emergency_id = ? and member_id = ?")
                .params(w.emergency(), w.ru()).query(String.class).single()).isEqualTo("Ауырып жатырмын");
        assertThat(jdbc.sql("select answered_at is not null from emergency.activation where emergency_id = ? and member_id = ?")
                .params(w.emergency(), w.kk()).query(Boolean.class).single()).isTrue();
        assertThat(activation(w.emergency(), w.en())).isEqualTo("ORDERED");

        var r = admin().get("/api/emergencies/" + w.emergency() + "/callup");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode total = r.json().get("total");
        assertThat(total.get("ordered").asLong()).isEqualTo(3);
        assertThat(total.get("queued").asLong()).isEqualTo(3);
        assertThat(total.get("pending").asLong()).isEqualTo(3); // dispatch is off in tests
        assertThat(total.get("sent").asLong()).isZero();
        assertThat(total.get("accepted").asLong()).isEqualTo(1);
        assertThat(total.get("declined").asLong()).isEqualTo(1);
        assertThat(total.get("unable").asLong()).isZero();
        assertThat(total.get("silent").asLong()).isEqualTo(1);
        assertThat(total.get("escalated").asLong()).isZero();
        assertThat(r.json().get("callUps")).hasSize(1);
        assertThat(r.json().get("callUps").get(0).get("callUpId").asLong()).isEqualTo(callUpId);
        assertThat(r.json().get("activations").get("ACCEPTED").asLong()).isEqualTo(1);
        assertThat(r.json().get("activations").get("ORDERED").asLong()).isEqualTo(1);
        JsonNode silent = r.json().get("silent");
        assertThat(silent).hasSize(1);
        assertThat(silent.get(0).get("memberId").asLong()).isEqualTo(w.en());
        assertThat(silent.get(0).get("email").asString()).isEqualTo("en-" + w.tag() + "@example.kz");
        assertThat(silent.get(0).get("escalationLevel").asInt()).isZero();
        assertThat(r.json().get("answers")).hasSize(2);

        // escalation levels are counted (set here as the escalation job would)
        jdbc.sql("update notification.message set escalation_level = 2 where correlation_id = ? and member_id = ?")
                .params(correlation, w.en()).update();
        JsonNode escalated = admin().get("/api/emergencies/" + w.emergency() + "/callup").json();
        assertThat(escalated.get("total").get("escalated").asLong()).isEqualTo(1);
        assertThat(escalated.get("total").get("escalatedToCommander").asLong()).isEqualTo(1);
        assertThat(escalated.get("silent").get(0).get("escalationLevel").asInt()).isEqualTo(2);

        // scope: a coordinator elsewhere sees nothing; a safety officer over the region sees the activations only
        assertThat(ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-75", null)
                .get("/api/emergencies/" + w.emergency() + "/callup").status()).isEqualTo(404);
        JsonNode safety = ApiClient.newUser(port, "SAFETY_OFFICER", "KZ-23", null)
                .get("/api/emergencies/" + w.emergency() + "/callup").json();
        assertThat(safety.get("activations").get("ACCEPTED").asLong()).isEqualTo(1);
        assertThat(safety.get("silent")).isEmpty();
    }

    /**
     * The attack of issue 10 item 2: a commander queues decoys under the predictable key of the next call-up
     * ({@code callup:<emergency>:<call-up>}) and under its correlation id. The real call-up must still queue a
     * message for everyone, and its progress must count only the messages that really belong to it.
     */
    @Test
    void aCommanderCannotBlockACallUpByQueueingDecoysUnderItsKey() {
        World w = world();
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String correlation = CallUpOrdered.correlationId(w.emergency(), callUpId);
        ApiClient commander = ApiClient.newUser(port, "COMMANDER", "KZ-23", null);
        Map<String, Object> decoy = new HashMap<>();
        decoy.put("templateKey", "callup");
        decoy.put("parameters", Map.of("title", "x", "place", "y", "time", "z"));
        decoy.put("channels", List.of("EMAIL"));
        decoy.put("idempotencyKey", "callup:" + w.emergency() + ":" + callUpId);
        decoy.put("correlationId", correlation);
        decoy.put("expectsReply", false);
        decoy.put("memberIds", List.of(w.kk(), w.ru(), w.en()));
        var queued = commander.postJson("/api/notifications", decoy);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);

        publish(new CallUpOrdered(w.emergency(), callUpId, List.of(w.kk(), w.ru(), w.en()), "coordinator-" + w.tag()));
        await("the call-up row", () -> jdbc.sql("select count(*) from emergency.callup where emergency_id = ? and callup_id = ?")
                .params(w.emergency(), callUpId).query(Long.class).single() == 1);

        assertThat(jdbc.sql("""
                        select count(*) from notification.message
                        where correlation_id = ? and template_key = 'callup' and expects_reply""")
                .param(correlation).query(Long.class).single()).as("the real call-up messages").isEqualTo(3);
        assertThat(message(correlation, w.kk()).get("idempotency_key")).isEqualTo(
                "callup:" + w.emergency() + ":" + callUpId + ":" + w.kk());
        JsonNode total = admin().get("/api/emergencies/" + w.emergency() + "/callup").json().get("total");
        assertThat(total.get("queued").asLong()).isEqualTo(3);
        assertThat(total.get("pending").asLong()).isEqualTo(3);
        assertThat(total.get("silent").asLong()).as("the decoys are not the call-up's").isEqualTo(3);
    }

    /** A duplicate enqueue is never reported as queued: progress counts the messages that exist. */
    @Test
    void progressCountsTheMessagesThatExistNotWhatTheEnqueueClaimed() {
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        World w = calledUp(callUpId);
        String correlation = CallUpOrdered.correlationId(w.emergency(), callUpId);
        // the row claims two duplicates besides the three queued, as a blocked call-up used to
        jdbc.sql("update emergency.callup set duplicates = 2 where emergency_id = ? and callup_id = ?")
                .params(w.emergency(), callUpId).update();
        jdbc.sql("delete from notification.message where correlation_id = ? and member_id = ?")
                .params(correlation, w.en()).update();
        JsonNode total = admin().get("/api/emergencies/" + w.emergency() + "/callup").json().get("total");
        assertThat(total.get("queued").asLong()).isEqualTo(2);
    }

    @Test
    void standDownReleasesTheActivatedAndTellsThemInTheirLanguage() {
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        World w = calledUp(callUpId);
        String correlation = CallUpOrdered.correlationId(w.emergency(), callUpId);
        reply(correlation, w.kk(), "ACCEPT", null);
        reply(correlation, w.ru(), "UNABLE", null);
        await("the answers", () -> "ACCEPTED".equals(activation(w.emergency(), w.kk()))
                && "UNABLE".equals(activation(w.emergency(), w.ru())));

        var r = admin().postJson("/api/emergencies/" + w.emergency() + "/status", Map.of("status", "STOOD_DOWN"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        String standDown = "emergency-" + w.emergency() + "-standdown-1";
        await("the stand-down messages", () -> messages(standDown) == 2);
        assertThat(activation(w.emergency(), w.kk())).isEqualTo("RELEASED");
        assertThat(activation(w.emergency(), w.en())).isEqualTo("RELEASED");
        assertThat(activation(w.emergency(), w.ru())).isEqualTo("UNABLE");
        Map<String, Object> kk = message(standDown, w.kk());
        assertThat((String) kk.get("subject")).isEqualTo("Жұмыс аяқталды: Су тасқыны " + w.tag());
        assertThat(kk.get("expects_reply")).isEqualTo(false);
        assertThat(kk.get("idempotency_key")).isEqualTo("standdown:" + w.emergency() + ":1:" + w.kk());
        assertThat((String) message(standDown, w.en()).get("body")).contains("You are released");
        assertThat(jdbc.sql("select released_at is not null from emergency.activation where emergency_id = ? and member_id = ?")
                .params(w.emergency(), w.kk()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aCallUpConfirmedAfterStandDownSendsNothing() {
        World w = world();
        var r = admin().postJson("/api/emergencies/" + w.emergency() + "/status", Map.of("status", "STOOD_DOWN"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);

        publish(new CallUpOrdered(w.emergency(), callUpId, List.of(w.kk(), w.ru()), "coordinator-" + w.tag()));

        await("the call-up record", () -> jdbc.sql("select count(*) from emergency.callup where emergency_id = ? and callup_id = ?")
                .params(w.emergency(), callUpId).query(Long.class).single() == 1);
        assertThat(messages(CallUpOrdered.correlationId(w.emergency(), callUpId))).isZero();
        assertThat(activation(w.emergency(), w.kk())).isNull();
        JsonNode total = admin().get("/api/emergencies/" + w.emergency() + "/callup").json().get("total");
        assertThat(total.get("ordered").asLong()).isEqualTo(2);
        assertThat(total.get("queued").asLong()).isZero();
        assertThat(total.get("unreachable").asLong()).isEqualTo(2);
    }

    @Test
    void theBoardShowsTheProgressAndStreamsItLive() {
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        World w = calledUp(callUpId);
        reply(CallUpOrdered.correlationId(w.emergency(), callUpId), w.kk(), "ACCEPT", null);
        await("the answer", () -> "ACCEPTED".equals(activation(w.emergency(), w.kk())));
        WebClient web = new WebClient(port).signIn("admin", "test-admin-password-1");

        WebClient.Page page = web.get("/emergencies/" + w.emergency() + "/callup?lang=en");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("Call-up progress").contains("id=\"callup-answered\"").contains("callup-progress.js")
                .contains("data-callup-stream=\"/emergencies/" + w.emergency() + "/callup/stream\"")
                .contains("id=\"callup-silent\"").contains("id=\"callup-answers\"").doesNotContain("<script>");
        WebClient.Page kk = web.get("/emergencies/" + w.emergency() + "/callup?lang=kk");
        assertThat(kk.body()).contains("Шақырудың барысы");

        WebClient.Page stream = web.get("/emergencies/" + w.emergency() + "/callup/stream", "text/html");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
        assertThat(stream.body()).contains("event:progress").contains("\"accepted\":1").contains("\"ordered\":3");
    }

    @Test
    void theLiveStreamPushesNewCountsAsAnswersArrive() throws Exception {
        long callUpId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        World w = calledUp(callUpId);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        var signedIn = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-password-1&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(signedIn.statusCode()).isEqualTo(302);

        var response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/emergencies/" + w.emergency() + "/callup/stream"))
                .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        java.util.Iterator<String> lines = response.body().iterator();
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Callable<String> nextData = () -> {
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("data:")) {
                        return line.substring(5);
                    }
                }
                return null;
            };
            String first = reader.submit(nextData).get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first).contains("\"accepted\":0").contains("\"ordered\":3");

            reply(CallUpOrdered.correlationId(w.emergency(), callUpId), w.kk(), "ACCEPT", null);
            String later = first;
            Instant until = Instant.now().plusSeconds(15);
            while (!later.contains("\"accepted\":1") && Instant.now().isBefore(until)) {
                later = reader.submit(nextData).get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            assertThat(later).contains("\"accepted\":1").contains("\"answered\":1");
        } finally {
            reader.shutdownNow();
            response.body().close();
        }
    }
}
