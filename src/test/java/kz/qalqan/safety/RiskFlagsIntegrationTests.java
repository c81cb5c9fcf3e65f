package kz.qalqan.safety;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Individual risk flags through the API: enrolment refusals and confirmations, what each role sees, scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskFlagsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    long unit(ApiClient admin) {
        Map<String, Object> u = new HashMap<>();
        u.put("code", "RF-" + tag + "-" + UUID.randomUUID().toString().substring(0, 4));
        u.put("name", "Тәуекел взводы " + tag);
        u.put("type", "PLATOON");
        u.put("regionCode", "KZ-75");
        return created(admin.postJson("/api/units", u));
    }

    long member(ApiClient admin, long unitId) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Белгілі");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("unitId", unitId);
        return created(admin.postJson("/api/members", m));
    }

    ApiClient user(ApiClient admin, String role, String scope) {
        return ApiClient.newUser(port, role, scope, null);
    }

    long event(ApiClient trainer, long unitId, String activityType) {
        Instant start = Instant.now().plus(Duration.ofDays(3));
        Map<String, Object> e = new HashMap<>();
        e.put("unitId", unitId);
        e.put("title", "Тәуекел сабағы " + tag);
        e.put("activityType", activityType);
        e.put("intensity", "MODERATE");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plus(Duration.ofHours(2)).toString());
        e.put("regionCode", "KZ-75");
        e.put("capacity", 10);
        e.put("awards", List.of());
        return created(trainer.postJson("/api/training/events", e));
    }

    void noRunningProfile(ApiClient medic, long memberId) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        ApiClient.Response r = medic.postJson("/api/members/" + memberId + "/medical/profiles", Map.of(
                "restrictions", List.of("NO_RUNNING"), "reason", "Stress-fracture-" + tag,
                "startsOn", today.toString(), "endsOn", today.plusDays(60).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    void injury(ApiClient admin, long unitId, long memberId) {
        Map<String, Object> report = new HashMap<>();
        report.put("kind", "INJURY");
        report.put("occurredAt", Instant.now().minus(Duration.ofDays(40)).toString());
        report.put("unitId", unitId);
        report.put("description", "Twisted an ankle on the obstacle course");
        report.put("personIds", List.of(memberId));
        report.put("mechanism", "ACUTE_TRAUMA");
        report.put("bodyRegion", "ANKLE");
        report.put("cause", "RUNNING");
        report.put("activityType", "PHYSICAL_TRAINING");
        report.put("outcome", "RESTRICTED_DUTY");
        report.put("restrictedDays", 5);
        report.put("diagnosis", "Ankle-sprain-" + tag);
        created(admin.postJson("/api/incidents", report));
    }

    ApiClient.Response enrol(ApiClient trainer, long eventId, long memberId, Boolean confirm) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberId", memberId);
        if (confirm != null) {
            body.put("confirmFlags", confirm);
        }
        return trainer.postJson("/api/training/events/" + eventId + "/enrolments", body);
    }

    static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static List<String> codes(JsonNode memberFlags) {
        List<String> codes = new ArrayList<>();
        memberFlags.get("flags").forEach(f -> codes.add(f.get("code").asString() + ":" + f.get("effect").asString()));
        return codes;
    }

    @Test
    void aMemberWhoseProfileRulesOutRunningIsRefusedPhysicalTrainingWithTheReason() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        long restricted = member(admin, unitId);
        long clean = member(admin, unitId);
        ApiClient medic = user(admin, "MEDICAL_OFFICER", "KZ-75");
        ApiClient trainer = user(admin, "TRAINING_OFFICER", "KZ-75");
        noRunningProfile(medic, restricted);

        long pt = event(trainer, unitId, "PHYSICAL_TRAINING");
        ApiClient.Response refused = enrol(trainer, pt, restricted, null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("safety.screen.restrictionForbids");
        // said in the caller's language, naming the activity type, not its code, and no medical detail
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("An active medical restriction rules out this activity (Physical training).");
        assertThat(refused.body()).doesNotContain("NO_RUNNING", "Stress-fracture");
        // a confirmation cannot override a restriction that forbids the activity
        ApiClient.Response confirmed = enrol(trainer, pt, restricted, true);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(409);
        assertThat(ok(trainer.get("/api/training/events/" + pt + "/enrolments")).size()).isZero();

        // the same member may sit in a classroom; a member without flags enrols as before
        long classroom = event(trainer, unitId, "CLASSROOM");
        assertThat(enrol(trainer, classroom, restricted, null).status()).isEqualTo(201);
        assertThat(enrol(trainer, classroom, clean, null).status()).isEqualTo(201);
        JsonNode flags = ok(trainer.get("/api/training/events/" + classroom + "/risk-flags"));
        assertThat(flags.size()).isEqualTo(2);
        flags.forEach(f -> assertThat(f.get("flags").size()).as(f.toString()).isZero());
    }

    @Test
    void anInjuryInTheLast12MonthsNeedsAConfirmationThatIsAudited() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        long injured = member(admin, unitId);
        ApiClient trainer = user(admin, "TRAINING_OFFICER", "KZ-75");
        injury(admin, unitId, injured);

        JsonNode own = ok(trainer.get("/api/members/" + injured + "/risk-flags?activityType=CLASSROOM"));
        assertThat(codes(own)).contains("RECENT_INJURY:WARNS");
        assertThat(own.toString()).doesNotContain("Ankle-sprain");

        long classroom = event(trainer, unitId, "CLASSROOM");
        ApiClient.Response asked = enrol(trainer, classroom, injured, null);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(409);
        assertThat(asked.json().get("errors").get(0).get("field").asString()).isEqualTo("confirmFlags");
        assertThat(asked.json().get("code").asString()).isEqualTo("training.enrol.flagsToConfirm");
        assertThat(asked.json().get("args").toString()).contains("safety.screen.recentInjury");
        assertThat(audit.search(new AuditQuery(null, "member", Long.toString(injured), "TRAINING_ENROL_FLAGS_CONFIRMED",
                null, null, 10, null))).isEmpty();

        ApiClient.Response confirmed = enrol(trainer, classroom, injured, true);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        List<AuditEntry> entries = audit.search(new AuditQuery(null, "member", Long.toString(injured),
                "TRAINING_ENROL_FLAGS_CONFIRMED", null, null, 10, null));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).details()).contains("event " + classroom, "safety.screen.recentInjury");

        JsonNode list = ok(trainer.get("/api/training/events/" + classroom + "/risk-flags"));
        assertThat(list.size()).isEqualTo(1);
        assertThat(codes(list.get(0))).contains("RECENT_INJURY:WARNS");
        assertThat(audit.search(new AuditQuery(null, "training_event", Long.toString(classroom), "RISK_FLAGS_READ",
                null, null, 10, null))).isNotEmpty();
    }

    @Test
    void aCommanderSeesThatARestrictionAppliesButNotWhichOne() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        long restricted = member(admin, unitId);
        ApiClient medic = user(admin, "MEDICAL_OFFICER", "KZ-75");
        ApiClient commander = user(admin, "COMMANDER", "KZ-75");
        noRunningProfile(medic, restricted);
        String url = "/api/members/" + restricted + "/risk-flags?activityType=PHYSICAL_TRAINING";

        JsonNode seenByCommander = ok(commander.get(url));
        assertThat(codes(seenByCommander)).contains("MEDICAL_RESTRICTION:FORBIDS");
        JsonNode flag = seenByCommander.get("flags").get(0);
        assertThat(flag.get("restriction").isNull()).isTrue();
        assertThat(seenByCommander.toString()).doesNotContain("NO_RUNNING", "Stress-fracture");

        JsonNode seenByMedic = ok(medic.get(url));
        assertThat(seenByMedic.get("flags").get(0).get("restriction").asString()).isEqualTo("NO_RUNNING");
        assertThat(seenByMedic.toString()).doesNotContain("Stress-fracture");

        // not relevant to a classroom; without an activity type every active restriction warns
        assertThat(codes(ok(commander.get("/api/members/" + restricted + "/risk-flags?activityType=CLASSROOM"))))
                .doesNotContain("MEDICAL_RESTRICTION:FORBIDS", "MEDICAL_RESTRICTION:WARNS");
        assertThat(codes(ok(commander.get("/api/members/" + restricted + "/risk-flags"))))
                .contains("MEDICAL_RESTRICTION:WARNS");

        ApiClient.Response bad = commander.get("/api/members/" + restricted + "/risk-flags?activityType=SKYDIVING");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("activityType");

        List<AuditEntry> reads = audit.search(new AuditQuery(null, "member", Long.toString(restricted), "RISK_FLAGS_READ",
                null, null, 20, null));
        assertThat(reads).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void flagsAreReadOnlyInScope() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        long someone = member(admin, unitId);
        ApiClient trainer = user(admin, "TRAINING_OFFICER", "KZ-75");
        ApiClient outsider = user(admin, "COMMANDER", "KZ-71");
        long classroom = event(trainer, unitId, "CLASSROOM");
        assertThat(enrol(trainer, classroom, someone, null).status()).isEqualTo(201);

        assertThat(outsider.get("/api/members/" + someone + "/risk-flags").status()).isEqualTo(404);
        assertThat(outsider.get("/api/training/events/" + classroom + "/risk-flags").status()).isEqualTo(404);
        assertThat(ApiClient.anonymous(port).get("/api/members/" + someone + "/risk-flags").status()).isEqualTo(401);
        assertThat(ok(trainer.get("/api/members/" + someone + "/risk-flags")).get("memberId").asLong()).isEqualTo(someone);
    }

    @Test
    void deletingAnEnrolledMemberLeavesTheEventsRiskFlagsReadable() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        long staying = member(admin, unitId);
        long leaving = member(admin, unitId);
        ApiClient trainer = user(admin, "TRAINING_OFFICER", "KZ-75");
        long classroom = event(trainer, unitId, "CLASSROOM");
        assertThat(enrol(trainer, classroom, staying, null).status()).isEqualTo(201);
        assertThat(enrol(trainer, classroom, leaving, null).status()).isEqualTo(201);

        ApiClient.Response deleted = admin.delete("/api/members/" + leaving);
        assertThat(deleted.status()).as(deleted.toString()).isIn(200, 204);

        JsonNode flags = ok(trainer.get("/api/training/events/" + classroom + "/risk-flags"));
        List<Long> ids = new ArrayList<>();
        flags.forEach(f -> ids.add(f.get("memberId").asLong()));
        assertThat(ids).containsExactly(staying);
        assertThat(ok(admin.get("/api/training/events/" + classroom + "/risk-flags")).size()).isEqualTo(1);
    }
}
