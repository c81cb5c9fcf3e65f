package kz.qalqan.emergency.accountability;

import kz.qalqan.notification.internal.ReplyTokens;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accountability through the API: a national emergency of two small circles (near Atyrau and near Oral) with our
 * own members inside and outside; reports by the member, by link and on their behalf; the scoped roll-up; cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountabilityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ReplyTokens tokens;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ApiClient admin;
    String tag;
    long unitA;
    long unitB;
    double[] atyrau;
    double[] oral;
    /** a1..a3 in unit A (KZ-23) inside the Atyrau circle, b1..b2 in unit B (KZ-27) inside the Oral circle. */
    long a1, a2, a3, b1, b2;
    /** out1 lives 15 km from the Atyrau circle; out2 in the circle but INACTIVE is not created: out2 is in Astana. */
    long out1, out2;
    long emergencyId;

    @BeforeEach
    void world() {
        admin = ApiClient.admin(port);
        tag = UUID.randomUUID().toString().substring(0, 6);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        atyrau = new double[]{47.10 + random.nextDouble(0.05), 51.85 + random.nextDouble(0.05)};
        oral = new double[]{51.15 + random.nextDouble(0.05), 51.30 + random.nextDouble(0.05)};
        unitA = created(admin.postJson("/api/units", Map.of("code", "ACA-" + tag, "name", "Атырау құтқарушылары",
                "type", "RESCUE_TEAM", "regionCode", "KZ-23")));
        unitB = created(admin.postJson("/api/units", Map.of("code", "ACB-" + tag, "name", "Орал құтқарушылары",
                "type", "RESCUE_TEAM", "regionCode", "KZ-27")));
        a1 = member("KZ-23", unitA, atyrau[0] + 0.003, atyrau[1]);
        a2 = member("KZ-23", unitA, atyrau[0] - 0.003, atyrau[1] + 0.002);
        a3 = member("KZ-23", unitA, atyrau[0], atyrau[1] - 0.004);
        b1 = member("KZ-27", unitB, oral[0] + 0.002, oral[1]);
        b2 = member("KZ-27", unitB, oral[0], oral[1] + 0.003);
        out1 = member("KZ-23", unitA, atyrau[0] + 0.15, atyrau[1]);
        out2 = member("KZ-71", null, 51.17, 71.45);
        var declared = admin.postJson("/api/emergencies", Map.of("title", "Су тасқыны " + tag, "type", "FLOOD",
                "severity", "SEVERE", "area", Map.of("circles", List.of(circle(atyrau, 2), circle(oral, 2)))));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertThat(declared.json().get("orgPath").asString()).as("two regions: a national emergency").isEmpty();
        emergencyId = declared.json().get("id").asLong();
        awaitUnit(admin, unitA, 3);
        awaitUnit(admin, unitB, 2);
    }

    @Test
    void declaringPutsExactlyTheMembersInsideOnTheRollAsUnknown() {
        for (long inside : List.of(a1, a2, a3, b1, b2)) {
            var m = admin.get(base() + "/" + inside);
            assertThat(m.status()).as(m.toString()).isEqualTo(200);
            assertThat(m.json().get("current").get("status").asString()).isEqualTo("UNKNOWN");
            assertThat(m.json().get("current").get("inArea").asBoolean()).isTrue();
        }
        assertThat(admin.get(base() + "/" + out1).status()).isEqualTo(404);
        assertThat(admin.get(base() + "/" + out2).status()).isEqualTo(404);
        JsonNode unitRow = group(admin.get(base()).json(), "byUnit", Long.toString(unitA));
        assertThat(unitRow.get("total").asLong()).as("out1 is in unit A but lives outside").isEqualTo(3);
    }

    @Test
    void theMemberReportsSignedInButNeverMissing() {
        ApiClient me = ApiClient.newUser(port, "MEMBER", "KZ-23", a1);
        var missing = me.postJson(base() + "/me", Map.of("status", "MISSING"));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(403);
        var unknown = me.postJson(base() + "/me", Map.of("status", "UNKNOWN"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("status");
        var safe = me.postJson(base() + "/me", Map.of("status", "SAFE", "note", "Үйдемін"));
        assertThat(safe.status()).as(safe.toString()).isEqualTo(200);
        assertThat(safe.json().get("status").asString()).isEqualTo("SAFE");
        assertThat(safe.json().get("onBehalf").asBoolean()).isFalse();
        // a member off the roll has nothing to report here
        ApiClient outside = ApiClient.newUser(port, "MEMBER", "KZ-23", out1);
        assertThat(outside.postJson(base() + "/me", Map.of("status", "SAFE")).status()).isEqualTo(404);

        var history = admin.get(base() + "/" + a1).json().get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("via").asString()).isEqualTo("SELF");
    }

    /**
     * Issue 10 item 2 for status checks: a commander queues decoys under the predictable key of the next round
     * ({@code accountability:<emergency>:1}) and the status checks' correlation id; the real round still asks everyone,
     * and the decoys are neither counted as status checks nor answered through the status page.
     */
    @Test
    void aCommanderCannotBlockAStatusCheckByQueueingDecoysUnderItsKey() {
        ApiClient commander = ApiClient.newUser(port, "COMMANDER", "KZ-23", null);
        Map<String, Object> decoy = new java.util.HashMap<>();
        decoy.put("templateKey", "callup");
        decoy.put("parameters", Map.of("title", "x", "place", "y", "time", "z"));
        decoy.put("channels", List.of("EMAIL"));
        decoy.put("idempotencyKey", "accountability:" + emergencyId + ":1");
        decoy.put("correlationId", "accountability:" + emergencyId);
        decoy.put("expectsReply", true);
        decoy.put("memberIds", List.of(a1, a2, a3));
        var queued = commander.postJson("/api/notifications", decoy);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        assertThat(queued.json().get("correlationId").asString()).isNotEqualTo("accountability:" + emergencyId);

        var asked = admin.postJson(base() + "/ask", Map.of("channels", List.of("EMAIL")));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        // the roll also holds members other tests placed in the same area: everyone is asked, nobody is a duplicate
        assertThat(asked.json().get("queued").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(asked.json().get("duplicates").asInt()).isZero();
        JsonNode checks = admin.get("/api/notifications?correlation=accountability:" + emergencyId).json();
        assertThat(checks).as("the decoys are not status checks").hasSize(asked.json().get("queued").asInt());
        List<Long> asked3 = new java.util.ArrayList<>();
        checks.forEach(m -> asked3.add(m.get("memberId").asLong()));
        assertThat(asked3).contains(a1, a2, a3, b1, b2);
        assertThat(admin.get("/api/notifications?correlation=" + queued.json().get("correlationId").asString()).json())
                .hasSize(3);
    }

    @Test
    void aStatusCheckLinkOpensTheStatusPageAndRecordsTheAnswer() {
        var asked = admin.postJson(base() + "/ask", Map.of("channels", List.of("EMAIL")));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().get("queued").asInt()).isGreaterThanOrEqualTo(5);
        JsonNode messages = admin.get("/api/notifications?correlation=accountability:" + emergencyId).json();
        long messageId = -1;
        for (JsonNode m : messages) {
            if (m.get("memberId").asLong() == b2) {
                messageId = m.get("id").asLong();
            }
        }
        assertThat(messageId).as("b2 got a status check").isPositive();
        String token = tokens.issue(messageId, Instant.now().plus(1, ChronoUnit.HOURS));
        ApiClient anonymous = ApiClient.anonymous(port);
        // the reply link of a status check leads to the status page, not to accept/decline
        var reply = anonymous.get("/r/" + token);
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).endsWith("/a/" + token);
        var page = anonymous.get("/a/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit.event where action = 'ACCOUNTABILITY_LINK_OPEN' and entity_id = ? and actor = 'anonymous'")
                .param(Long.toString(b2)).query(Long.class).single()).as("opening the public link is audited").isPositive();
        assertThat(page.body()).contains("name=\"status\"").contains("NEEDS_ASSISTANCE").doesNotContain("<script");
        var missing = anonymous.post("/a/" + token, "application/x-www-form-urlencoded",
                "status=MISSING".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.status()).isEqualTo(400);
        var help = anonymous.post("/a/" + token, "application/x-www-form-urlencoded",
                "status=NEEDS_ASSISTANCE&note=insulin".getBytes(StandardCharsets.UTF_8));
        assertThat(help.status()).isEqualTo(200);
        JsonNode current = admin.get(base() + "/" + b2).json();
        assertThat(current.get("current").get("status").asString()).isEqualTo("NEEDS_ASSISTANCE");
        assertThat(current.get("current").get("onBehalf").asBoolean()).isFalse();
        assertThat(current.get("history").get(0).get("via").asString()).isEqualTo("LINK");
        assertThat(current.get("current").get("caseId").isNull()).isFalse();
        // the status check counts as answered: not silent, so the notification module does not escalate it
        assertThat(admin.get("/api/notifications/silent?correlation=accountability:" + emergencyId).body())
                .doesNotContain("\"memberId\":" + b2 + ",");
        // b1, asked in the same round and reported for by staff, is answered too; a3 is still silent
        admin.postJson(base() + "/" + b1, Map.of("status", "SAFE"));
        String silent = admin.get("/api/notifications/silent?correlation=accountability:" + emergencyId).body();
        assertThat(silent).doesNotContain("\"memberId\":" + b1 + ",").contains("\"memberId\":" + a3 + ",");
        // a forged link is as absent as an expired one
        String[] parts = token.split("\\.");
        assertThat(anonymous.get("/a/" + parts[0] + "." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
        assertThat(anonymous.get("/a/" + tokens.issue(messageId, Instant.now().minusSeconds(1))).status()).isEqualTo(404);
    }

    @Test
    void staffReportOnBehalfRecordedAsSuchAndOnlyOverTheirMembers() {
        ApiClient coordinator = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ", null);
        var injured = coordinator.postJson(base() + "/" + a2, Map.of("status", "INJURED", "note", "аяғы сынған"));
        assertThat(injured.status()).as(injured.toString()).isEqualTo(200);
        assertThat(injured.json().get("onBehalf").asBoolean()).isTrue();
        assertThat(injured.json().get("reportedBy").asString()).startsWith("emergency-coordinator-");
        assertThat(injured.json().get("incidentLink").asString()).startsWith("/incidents/new");
        var missing = coordinator.postJson(base() + "/" + a3, Map.of("status", "MISSING"));
        assertThat(missing.status()).isEqualTo(200);

        ApiClient oralCommander = ApiClient.newUser(port, "COMMANDER", "KZ-27", null);
        assertThat(oralCommander.postJson(base() + "/" + b1, Map.of("status", "SAFE")).status()).isEqualTo(200);
        assertThat(oralCommander.postJson(base() + "/" + a1, Map.of("status", "SAFE")).status())
                .as("a member of another region").isEqualTo(404);
        ApiClient safety = ApiClient.newUser(port, "SAFETY_OFFICER", "KZ-27", null);
        assertThat(safety.postJson(base() + "/" + b2, Map.of("status", "SAFE")).status()).isEqualTo(403);

        // someone from elsewhere seen in the area goes on the roll, marked as not living there
        var outsider = coordinator.postJson(base() + "/" + out1, Map.of("status", "SAFE"));
        assertThat(outsider.status()).isEqualTo(200);
        assertThat(outsider.json().get("inArea").asBoolean()).isFalse();

        JsonNode history = admin.get(base() + "/" + a2).json().get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("via").asString()).isEqualTo("STAFF");
        assertThat(history.get(0).get("onBehalf").asBoolean()).isTrue();
    }

    @Test
    void theRollUpCountsByRegionAndUnitAndTimesNinetyPercent() {
        ApiClient coordinator = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ", null);
        JsonNode before = admin.get(base()).json();
        assertThat(before.get("reached90At").isNull()).isTrue();
        assertThat(before.get("secondsTo90").isNull()).isTrue();
        assertThat(unaccountedIds(before)).contains(a1, a2, a3, b1, b2);
        JsonNode listed = unaccounted(before, a1);
        assertThat(listed.get("phone").asString()).startsWith("+7");
        assertThat(listed.get("email").asString()).contains("@");

        coordinator.postJson(base() + "/" + a1, Map.of("status", "SAFE"));
        coordinator.postJson(base() + "/" + a2, Map.of("status", "INJURED"));
        coordinator.postJson(base() + "/" + b1, Map.of("status", "SAFE"));
        JsonNode mid = admin.get(base()).json();
        JsonNode unit = group(mid, "byUnit", Long.toString(unitA));
        assertThat(unit.get("total").asLong()).isEqualTo(3);
        assertThat(unit.get("byStatus").get("SAFE").asLong()).isEqualTo(1);
        assertThat(unit.get("byStatus").get("INJURED").asLong()).isEqualTo(1);
        assertThat(unit.get("byStatus").get("UNKNOWN").asLong()).isEqualTo(1);
        assertThat(unit.get("percentAccounted").asDouble()).isEqualTo(66.7);
        JsonNode oralRegion = group(mid, "byRegion", "KZ-27");
        assertThat(oralRegion.get("byStatus").get("SAFE").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(unaccountedIds(mid)).contains(a3, b2).doesNotContain(a1, a2, b1);
        assertThat(mid.get("reached90At").isNull()).as("3 of 5").isTrue();

        coordinator.postJson(base() + "/" + a3, Map.of("status", "MISSING"));
        coordinator.postJson(base() + "/" + b2, Map.of("status", "SAFE"));
        JsonNode after = admin.get(base()).json();
        assertThat(unaccountedIds(after)).doesNotContain(a1, a2, a3, b1, b2);
        if (after.get("total").asLong() == 5) { // nobody else's members live in our two small circles
            assertThat(after.get("percentAccounted").asDouble()).isEqualTo(100.0);
            assertThat(after.get("reached90At").isNull()).isFalse();
            assertThat(after.get("secondsTo90").asLong()).isBetween(0L, 600L);
        }
        assertThat(group(after, "byUnit", Long.toString(unitA)).get("percentAccounted").asDouble()).isEqualTo(100.0);
    }

    @Test
    void aCommanderOfAnotherRegionSeesNothingOfThem() {
        ApiClient astana = ApiClient.newUser(port, "COMMANDER", "KZ-71", null);
        var rollUp = astana.get(base());
        assertThat(rollUp.status()).as("a national emergency is watched everywhere").isEqualTo(200);
        assertThat(unaccountedIds(rollUp.json())).doesNotContain(a1, a2, a3, b1, b2);
        assertThat(rollUp.body()).doesNotContain("ACA-" + tag).doesNotContain("ACB-" + tag);
        assertThat(astana.get(base() + "/" + a1).status()).isEqualTo(404);
        assertThat(astana.postJson(base() + "/" + a1, Map.of("status", "SAFE")).status()).isEqualTo(404);

        ApiClient oral = ApiClient.newUser(port, "COMMANDER", "KZ-27", null);
        JsonNode seen = oral.get(base()).json();
        assertThat(unaccountedIds(seen)).contains(b1, b2).doesNotContain(a1, a2, a3);
        for (JsonNode g : seen.get("byUnit")) {
            assertThat(g.get("key").asString()).isNotEqualTo(Long.toString(unitA));
        }
        assertThat(ApiClient.newUser(port, "TRAINING_OFFICER", "KZ", null).get(base()).status()).isEqualTo(404);
    }

    @Test
    void needingAssistanceOpensACaseTrackedToClosure() {
        ApiClient coordinator = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ", null);
        var help = coordinator.postJson(base() + "/" + b1, Map.of("status", "NEEDS_ASSISTANCE", "note", "қарт анасын көшіру"));
        assertThat(help.status()).isEqualTo(200);
        long caseId = help.json().get("caseId").asLong();
        JsonNode cases = admin.get(base() + "/cases").json();
        JsonNode opened = null;
        for (JsonNode c : cases) {
            if (c.get("id").asLong() == caseId) {
                opened = c;
            }
        }
        assertThat(opened).isNotNull();
        assertThat(opened.get("status").asString()).isEqualTo("OPEN");
        assertThat(opened.get("need").asString()).isEqualTo("қарт анасын көшіру");
        assertThat(opened.get("memberId").asLong()).isEqualTo(b1);

        var noOutcome = coordinator.postJson(base() + "/cases/" + caseId, Map.of("status", "CLOSED"));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("outcome");
        ApiClient medic = ApiClient.newUser(port, "MEDICAL_OFFICER", "KZ-27", null);
        assertThat(medic.postJson(base() + "/cases/" + caseId, Map.of("status", "IN_PROGRESS")).status()).isEqualTo(403);
        var working = ApiClient.newUser(port, "COMMANDER", "KZ-27", null).postJson(base() + "/cases/" + caseId,
                Map.of("status", "IN_PROGRESS", "assignedTo", "Құтқару тобы 3"));
        assertThat(working.status()).as(working.toString()).isEqualTo(200);
        assertThat(working.json().get("assignedTo").asString()).isEqualTo("Құтқару тобы 3");
        var closed = coordinator.postJson(base() + "/cases/" + caseId, Map.of("status", "CLOSED", "outcome", "Көшірілді"));
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("closedAt").isNull()).isFalse();
        assertThat(coordinator.postJson(base() + "/cases/" + caseId, Map.of("status", "OPEN")).status()).isEqualTo(409);
        // a new need after closure is a new case
        var again = coordinator.postJson(base() + "/" + b1, Map.of("status", "NEEDS_ASSISTANCE", "note", "су"));
        assertThat(again.json().get("caseId").asLong()).isNotEqualTo(caseId);
    }

    @Test
    void aRevisionAddsNewResidentsAndKeepsTheReportsOfThoseMovedOut() {
        ApiClient coordinator = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ", null);
        coordinator.postJson(base() + "/" + a1, Map.of("status", "SAFE"));
        var revised = admin.putJson("/api/emergencies/" + emergencyId, Map.of("title", "Су тасқыны " + tag, "type", "FLOOD",
                "severity", "SEVERE", "area", Map.of("circles", List.of(circle(oral, 2),
                        circle(new double[]{atyrau[0] + 0.15, atyrau[1]}, 1)))));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        // out1 now lives in the area; a2, a3 (never reported) drop off; a1 keeps the report
        long deadline = System.currentTimeMillis() + 20_000;
        while (admin.get(base() + "/" + out1).status() != 200 && System.currentTimeMillis() < deadline) {
            sleep();
        }
        assertThat(admin.get(base() + "/" + out1).json().get("current").get("status").asString()).isEqualTo("UNKNOWN");
        JsonNode a1Now = admin.get(base() + "/" + a1).json().get("current");
        assertThat(a1Now.get("status").asString()).isEqualTo("SAFE");
        assertThat(a1Now.get("inArea").asBoolean()).isFalse();
        JsonNode unit = group(admin.get(base()).json(), "byUnit", Long.toString(unitA));
        assertThat(unit.get("total").asLong()).as("a1 (reported) and out1 (now inside)").isEqualTo(2);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String base() {
        return "/api/emergencies/" + emergencyId + "/accountability";
    }

    private long member(String region, Long unitId, double lat, double lon) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Есепов");
        m.put("firstName", "Тест");
        m.put("regionCode", region);
        m.put("unitId", unitId);
        m.put("lat", lat);
        m.put("lon", lon);
        m.put("phone", "+7701" + (1000000 + ThreadLocalRandom.current().nextInt(8999999)));
        m.put("email", "acc-" + tag + "-" + ThreadLocalRandom.current().nextInt(1_000_000) + "@example.kz");
        return created(admin.postJson("/api/members", m));
    }

    private static Map<String, Object> circle(double[] centre, double km) {
        return Map.of("center", Map.of("lat", centre[0], "lon", centre[1]), "radiusKm", km);
    }

    private void awaitUnit(ApiClient client, long unitId, long total) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode g = group(client.get(base()).json(), "byUnit", Long.toString(unitId));
            if (g != null && g.get("total").asLong() == total) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the roll of unit " + unitId + " did not reach " + total + ": " + client.get(base()));
    }

    private static JsonNode group(JsonNode rollUp, String by, String key) {
        for (JsonNode g : rollUp.get(by)) {
            if (g.get("key").asString().equals(key)) {
                return g;
            }
        }
        return null;
    }

    private static List<Long> unaccountedIds(JsonNode rollUp) {
        List<Long> ids = new ArrayList<>();
        rollUp.get("unaccounted").forEach(u -> ids.add(u.get("memberId").asLong()));
        return ids;
    }

    private static JsonNode unaccounted(JsonNode rollUp, long memberId) {
        for (JsonNode u : rollUp.get("unaccounted")) {
            if (u.get("memberId").asLong() == memberId) {
                return u;
            }
        }
        throw new AssertionError("member " + memberId + " is not listed as unaccounted");
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
