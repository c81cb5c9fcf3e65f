package kz.qalqan.safety;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import kz.qalqan.support.ApiClient;
import kz.qalqan.shared.ActivityType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Risk assessments through the API, in a unit tree of our own: district → battalion (parent) → company
 * (the assessed unit), with commanders at every echelon. The approval rule is attacked from every side it
 * could be bypassed: self-approval, too low an echelon, out of scope, a draft, a replay, editing after
 * approval.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskAssessmentApiIntegrationTests {

    /** Events the safety module publishes, whatever thread they come from. */
    static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class EventCapture {
        @EventListener
        void on(RiskAssessmentApproved e) {
            EVENTS.add(e);
        }

        @EventListener
        void on(ActivityRiskRaised e) {
            EVENTS.add(e);
        }
    }

    @LocalServerPort
    int port;

    ApiClient admin;
    String tag;
    long battalion;
    long company;
    ApiClient preparer;
    ApiClient companyCommander;
    ApiClient battalionCommander;
    ApiClient districtCommander;
    ApiClient regionCommander;
    ApiClient astanaCommander;
    ApiClient nationalCommander;
    ApiClient safetyOfficer;

    @BeforeEach
    void world() {
        admin = ApiClient.admin(port);
        tag = UUID.randomUUID().toString().substring(0, 6);
        long district = admin.get("/api/regions/KZ-11/districts").json().get(0).get("id").asLong();
        battalion = created(admin.postJson("/api/units", Map.of("code", "RAB-" + tag, "name", "Батальон " + tag,
                "type", "BATTALION", "regionCode", "KZ-11", "districtId", district)));
        company = created(admin.postJson("/api/units", Map.of("code", "RAC-" + tag, "name", "Рота " + tag,
                "type", "COMPANY", "parentId", battalion)));
        preparer = user("SAFETY_OFFICER", "unit:RAB-" + tag);
        safetyOfficer = preparer;
        companyCommander = user("COMMANDER", "unit:RAC-" + tag);
        battalionCommander = user("COMMANDER", "unit:RAB-" + tag);
        districtCommander = user("COMMANDER", "district:" + district);
        regionCommander = user("COMMANDER", "KZ-11");
        astanaCommander = user("COMMANDER", "KZ-71");
        nationalCommander = user("COMMANDER", "KZ");
    }

    @Test
    void approvalGoesToTheEchelonTheResidualRiskNeedsAndCannotBeBypassed() {
        // residual C/III = MEDIUM: the next higher echelon (battalion or district) must approve
        JsonNode draft = create(preparer, assessment(null, hazard("RM-01", null, "C", "II", "C", "III"),
                hazard(null, "Көктайғақ жол", "B", "III", "D", "IV")));
        long id = draft.get("id").asLong();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("overallResidualRisk").asString()).isEqualTo("M");
        assertThat(draft.get("requiredAuthority").asString()).isEqualTo("NEXT_HIGHER_ECHELON");
        assertThat(draft.get("hazards").get(0).get("initialRisk").asString()).isEqualTo("H");
        assertThat(draft.get("hazards").get(0).get("hazardCode").asString()).isEqualTo("RM-01");
        assertThat(draft.get("hazards").get(1).get("initialRisk").asString()).isEqualTo("M");
        assertThat(draft.get("hazards").get(1).get("residualRisk").asString()).isEqualTo("L");
        assertThat(draft.get("subTasks").toString()).contains("Марш");
        String base = "/api/risk-assessments/" + id;

        // a draft cannot be approved, not even by national command
        expect(nationalCommander.postJson(base + "/approve", Map.of()), 409, "safety.decision.notSubmitted");
        assertThat(clearance(preparer, id).get("cleared").asBoolean()).isFalse();
        assertThat(clearance(preparer, id).get("code").asString()).isEqualTo("safety.clearance.draft");

        assertThat(preparer.postJson(base + "/submit", Map.of()).status()).isEqualTo(200);
        expect(astanaCommander.postJson(base + "/approve", Map.of()), 404, "");
        expect(safetyOfficer.postJson(base + "/approve", Map.of()), 403, "safety.approval.ownAssessment");
        expect(companyCommander.postJson(base + "/approve", Map.of()), 403, "safety.approval.needs.M");
        assertThat(pendingIds(companyCommander)).doesNotContain(id);
        assertThat(pendingIds(battalionCommander)).contains(id);
        assertThat(pendingIds(regionCommander)).contains(id);
        assertThat(pendingIds(astanaCommander)).doesNotContain(id);

        JsonNode approved = ok(battalionCommander.postJson(base + "/approve", Map.of()));
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedLevel").asString()).isEqualTo("M");
        assertThat(approved.get("approvedAuthority").asString()).isEqualTo("NEXT_HIGHER_ECHELON");
        assertThat(EVENTS).contains(new RiskAssessmentApproved(id, ActivityKind.OTHER, id, company, RiskLevel.M,
                ApprovalAuthority.NEXT_HIGHER_ECHELON));
        // replaying the approval, or approving again from above, changes nothing
        expect(battalionCommander.postJson(base + "/approve", Map.of()), 409, "safety.decision.alreadyApproved");
        expect(districtCommander.postJson(base + "/approve", Map.of()), 409, "safety.decision.alreadyApproved");
        assertThat(pendingIds(battalionCommander)).doesNotContain(id);
        JsonNode cleared = clearance(preparer, id);
        assertThat(cleared.get("cleared").asBoolean()).isTrue();
        assertThat(cleared.get("approvedLevel").asString()).isEqualTo("M");

        // editing the approved worksheet is refused; only a review may change its hazards
        expect(preparer.putJson(base, assessment(null, hazard("RM-01", null, "C", "II", "C", "I"))), 409, "safety.assessment.notEditable");
        // a review that keeps the risk at or below the approved level keeps the approval
        JsonNode reviewed = ok(preparer.putJson(base + "/hazards", Map.of("hazards",
                List.of(hazard("RM-01", null, "C", "II", "D", "III")))));
        assertThat(reviewed.get("status").asString()).isEqualTo("APPROVED");
        assertThat(reviewed.get("overallResidualRisk").asString()).isEqualTo("L");
        assertThat(clearance(preparer, id).get("cleared").asBoolean()).isTrue();

        // a review that raises it above the approved level takes the clearance away until re-approval
        JsonNode raised = ok(preparer.putJson(base + "/hazards", Map.of("hazards",
                List.of(hazard("RM-01", null, "C", "II", "C", "II")))));
        assertThat(raised.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(raised.get("overallResidualRisk").asString()).isEqualTo("H");
        assertThat(raised.get("requiredAuthority").asString()).isEqualTo("REGION_TO_COMMANDER");
        assertThat(EVENTS).contains(new ActivityRiskRaised(id, ActivityKind.OTHER, id, company, RiskLevel.M, RiskLevel.H,
                ApprovalAuthority.REGION_TO_COMMANDER));
        JsonNode notCleared = clearance(preparer, id);
        assertThat(notCleared.get("cleared").asBoolean()).isFalse();
        assertThat(notCleared.get("code").asString()).isEqualTo("safety.clearance.awaits.H");
        assertThat(notCleared.get("reason").asString()).isEqualTo("Тәуекелді бағалау (жалпы қалдық тәуекел ЖОҒАРЫ)"
                + " облыстың аумақтық қорғаныс командирінің бекітуін күтуде.");
        expect(battalionCommander.postJson(base + "/approve", Map.of()), 403, "safety.approval.needs.H");
        ApiClient.Response english = districtCommander.postJsonIn("en", base + "/approve", Map.of());
        expect(english, 403, "safety.approval.needs.H");
        assertThat(english.json().get("detail").asString())
                .isEqualTo("Residual risk HIGH needs approval by the region's territorial-defense commander or above.");
        JsonNode again = ok(regionCommander.postJson(base + "/approve", Map.of()));
        assertThat(again.get("approvedLevel").asString()).isEqualTo("H");
        assertThat(clearance(preparer, id).get("cleared").asBoolean()).isTrue();
        assertThat(actions(again.get("decisions")))
                .containsExactly("SUBMITTED", "APPROVED", "REVIEWED", "RISK_RAISED", "APPROVED");
    }

    @Test
    void aReviewCannotEmptyTheHazardsOfASubmittedAssessment() {
        long id = create(preparer, assessment(null, hazard(null, "Көктайғақ жол", "B", "III", "D", "IV"))).get("id").asLong();
        String base = "/api/risk-assessments/" + id;
        ok(preparer.postJson(base + "/submit", Map.of()));

        ApiClient.Response emptied = preparer.putJson(base + "/hazards", Map.of());
        assertThat(emptied.status()).as(emptied.toString()).isEqualTo(400);
        assertThat(emptied.body()).contains("hazards");
        ApiClient.Response noHazards = preparer.putJson(base + "/hazards", Map.of("hazards", List.of()));
        assertThat(noHazards.status()).as(noHazards.toString()).isEqualTo(400);

        JsonNode kept = ok(preparer.get(base));
        assertThat(kept.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(kept.get("overallResidualRisk").asString()).isEqualTo("L");
        assertThat(kept.get("hazards")).hasSize(1);
        assertThat(clearance(preparer, id).get("cleared").asBoolean()).isFalse();
        assertThat(ok(nationalCommander.postJson(base + "/approve", Map.of())).get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void thePreparerCannotApproveTheirOwnAssessmentWhateverTheirEchelon() {
        JsonNode draft = create(nationalCommander, assessment(null, hazard("RM-02", null, "D", "I", "E", "III")));
        long id = draft.get("id").asLong();
        String base = "/api/risk-assessments/" + id;
        assertThat(draft.get("overallResidualRisk").asString()).isEqualTo("L");
        ok(nationalCommander.postJson(base + "/submit", Map.of()));
        expect(nationalCommander.postJson(base + "/approve", Map.of()), 403, "safety.approval.ownAssessment");
        expect(nationalCommander.postJson(base + "/disapprove", Map.of("reason", "mine")), 403, "safety.approval.ownAssessment");
        assertThat(pendingIds(nationalCommander)).doesNotContain(id);
        assertThat(pendingIds(companyCommander)).contains(id);
        ok(companyCommander.postJson(base + "/approve", Map.of()));
        assertThat(clearance(companyCommander, id).get("cleared").asBoolean()).isTrue();
    }

    @Test
    void disapprovalNeedsAReasonAndSendsTheWorksheetBackForRevision() {
        long id = create(preparer, assessment(null, hazard("RM-03", null, "B", "III", "D", "III"))).get("id").asLong();
        String base = "/api/risk-assessments/" + id;
        ok(preparer.postJson(base + "/submit", Map.of()));
        expect(preparer.postJson(base + "/submit", Map.of()), 409, "safety.assessment.notSubmittable");
        expect(companyCommander.postJson(base + "/disapprove", Map.of()), 400, "safety.disapprove.reasonRequired");
        JsonNode no = ok(companyCommander.postJson(base + "/disapprove", Map.of("reason", "Жол күзетшілері жоқ")));
        assertThat(no.get("status").asString()).isEqualTo("DISAPPROVED");
        assertThat(clearance(preparer, id).get("code").asString()).isEqualTo("safety.clearance.disapproved");
        JsonNode revised = ok(preparer.putJson(base, assessment(null, hazard("RM-03", null, "B", "III", "E", "IV"))));
        assertThat(revised.get("overallResidualRisk").asString()).isEqualTo("L");
        ok(preparer.postJson(base + "/submit", Map.of()));
        JsonNode history = ok(preparer.get(base)).get("decisions");
        assertThat(actions(history)).containsExactly("SUBMITTED", "DISAPPROVED", "SUBMITTED");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("Жол күзетшілері жоқ");
    }

    @Test
    void worksheetsAreValidatedFieldByField() {
        Map<String, Object> bad = assessment(null, hazard(null, "Қолдан жасалған", "F", "II", "C", "II"),
                hazard(null, "Residual worse", "D", "III", "A", "I"), hazard("XX-99", null, "C", "II", "C", "II"));
        bad.put("endsOn", LocalDate.now(RiskAssessments.KAZAKHSTAN).minusDays(3).toString());
        ApiClient.Response r = preparer.postJson("/api/risk-assessments", bad);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(values(r.json().get("errors"), "field")).contains("hazards[0].probability",
                "hazards[1].residualProbability", "hazards[2].hazardCode", "endsOn");

        Map<String, Object> lower = assessment(null, hazard("RM-01", null, "C", "II", "C", "II"));
        lower.put("overallResidualRisk", "M");
        expect(preparer.postJson("/api/risk-assessments", lower), 400, "overallResidualRisk");
        Map<String, Object> higher = assessment(null, hazard("RM-01", null, "C", "II", "D", "III"));
        higher.put("overallResidualRisk", "H");
        assertThat(create(preparer, higher).get("overallResidualRisk").asString()).isEqualTo("H");

        Map<String, Object> event = assessment(null, hazard("RM-01", null, "C", "II", "D", "III"));
        event.put("activityKind", "TRAINING_EVENT");
        expect(preparer.postJson("/api/risk-assessments", event), 400, "activityId");
        event.put("activityId", 9_000_000_000L + (long) (Math.random() * 1_000_000_000L));
        ApiClient.Response noEvent = preparer.postJson("/api/risk-assessments", event);
        expect(noEvent, 400, "safety.activityId.noSuchEvent");
        assertThat(noEvent.json().get("errors").get(0).get("args").get(0).asString()).isEqualTo(event.get("activityId").toString());
        long eventId = trainingEvent(((Number) event.get("unitId")).longValue());
        event.put("activityId", eventId);
        long id = create(preparer, event).get("id").asLong();
        expect(preparer.postJson("/api/risk-assessments", event), 409, "safety.assessment.activityTaken");
        JsonNode byEvent = ok(preparer.get("/api/activities/TRAINING_EVENT/" + eventId + "/clearance"));
        assertThat(byEvent.get("assessmentId").asLong()).isEqualTo(id);
        assertThat(byEvent.get("cleared").asBoolean()).isFalse();
        JsonNode none = ok(preparer.get("/api/activities/TRAINING_EVENT/" + (eventId + 1) + "/clearance"));
        assertThat(none.get("cleared").asBoolean()).isFalse();
        assertThat(none.get("code").asString()).isEqualTo("safety.clearance.none");
    }

    @Test
    void onlyPreparersInScopePrepareAndOnlyReadersInScopeRead() {
        Map<String, Object> body = assessment(null, hazard("RM-01", null, "C", "II", "D", "III"));
        expect(user("MEDICAL_OFFICER", "KZ-11").postJson("/api/risk-assessments", body), 403, "safety.assessment.preparersOnly");
        expect(astanaCommander.postJson("/api/risk-assessments", body), 400, "unitId");
        long id = create(user("TRAINING_OFFICER", "unit:RAC-" + tag), body).get("id").asLong();
        assertThat(user("EMERGENCY_COORDINATOR", "KZ-11").get("/api/risk-assessments/" + id).status()).isEqualTo(200);
        assertThat(astanaCommander.get("/api/risk-assessments/" + id).status()).isEqualTo(404);
        assertThat(user("MEMBER", "KZ-11").get("/api/risk-assessments/" + id).status()).isEqualTo(404);
        assertThat(astanaCommander.get("/api/activities/OTHER/" + id + "/clearance").status()).isEqualTo(404);
        expect(user("MEDICAL_OFFICER", "KZ-11").putJson("/api/risk-assessments/" + id, body), 403, "");
        JsonNode list = ok(preparer.get("/api/risk-assessments?unit=" + company));
        assertThat(values(list, "title")).isNotEmpty();
        assertThat(ok(astanaCommander.get("/api/risk-assessments?q=" + tag)).size()).isZero();
    }

    @Test
    void lessonsLearnedAreRecordedOnceTheActivityHasBegun() {
        Map<String, Object> later = assessment(null, hazard("PT-01", null, "B", "III", "D", "III"));
        LocalDate today = LocalDate.now(RiskAssessments.KAZAKHSTAN);
        later.put("beginsOn", today.plusDays(10).toString());
        later.put("endsOn", today.plusDays(11).toString());
        long future = create(preparer, later).get("id").asLong();
        expect(preparer.postJson("/api/risk-assessments/" + future + "/lessons", Map.of("lessonsLearned", "x")), 409, "safety.lessons.beforeBegin");
        long now = create(preparer, assessment(null, hazard("PT-01", null, "B", "III", "D", "III"))).get("id").asLong();
        JsonNode done = ok(preparer.postJson("/api/risk-assessments/" + now + "/lessons",
                Map.of("lessonsLearned", "Су тасымалы кешікті")));
        assertThat(done.get("lessonsLearned").asString()).isEqualTo("Су тасымалы кешікті");
    }

    @Test
    void theHazardLibraryHasThreeToFiveHazardsForEveryFieldActivity() {
        for (ActivityType type : ActivityType.values()) {
            JsonNode hazards = ok(preparer.get("/api/hazards?activityType=" + type));
            if (type == ActivityType.CLASSROOM || type == ActivityType.OTHER) {
                assertThat(hazards.size()).as(type.name()).isBetween(1, 5);
                continue;
            }
            assertThat(hazards.size()).as(type.name()).isBetween(3, 5);
            for (JsonNode h : hazards) {
                assertThat(h.get("nameKk").asString()).isNotBlank();
                assertThat(h.get("nameRu").asString()).isNotBlank();
                assertThat(h.get("nameEn").asString()).isNotBlank();
                assertThat(h.get("controlsKk").size()).isPositive().isEqualTo(h.get("controlsEn").size());
                assertThat(h.get("level").asString()).isEqualTo(RiskMatrix.level(
                        Probability.valueOf(h.get("probability").asString()), Severity.valueOf(h.get("severity").asString())).name());
            }
        }
        expect(preparer.get("/api/hazards?activityType=PICNIC"), 400, "activityType");
    }

    @Test
    void pdfCarriesTheFifteenBlocksInKazakh() throws Exception {
        long id = create(preparer, assessment(null, hazard("RM-01", null, "C", "II", "D", "III"),
                hazard(null, "Өзен жағасындағы құлама жар", "D", "II", "E", "III"))).get("id").asLong();
        ok(preparer.postJson("/api/risk-assessments/" + id + "/submit", Map.of()));
        ok(battalionCommander.postJson("/api/risk-assessments/" + id + "/approve", Map.of()));
        ApiClient.Response r = preparer.get("/api/risk-assessments/" + id + ".pdf");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/pdf");
        byte[] bytes = bytes(preparer, "/api/risk-assessments/" + id + ".pdf");
        PdfReader reader = new PdfReader(bytes);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        String flat = text.toString().replaceAll("\\s+", " ");
        Properties kk = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/messages/safety_kk.properties"), StandardCharsets.UTF_8)) {
            kk.load(in);
        }
        for (int block = 1; block <= 15; block++) {
            assertThat(flat).as("block %d", block).contains(kk.getProperty("safety.block." + block).replaceAll("\\s+", " "));
        }
        assertThat(flat).contains("Шымкент маршы " + tag, "Өзен жағасындағы құлама жар", "Марш", kk.getProperty("safety.level.L"));
    }

    // --- helpers

    private static List<String> actions(JsonNode decisions) {
        return values(decisions, "action");
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private byte[] bytes(ApiClient client, String path) throws Exception {
        java.lang.reflect.Field f = ApiClient.class.getDeclaredField("authorization");
        f.setAccessible(true);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", (String) f.get(client)).GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private Map<String, Object> assessment(Long activityId, Map<?, ?>... hazards) {
        LocalDate today = LocalDate.now(RiskAssessments.KAZAKHSTAN);
        Map<String, Object> m = new HashMap<>();
        m.put("activityKind", "OTHER");
        m.put("activityId", activityId);
        m.put("title", "Шымкент маршы " + tag);
        m.put("unitId", company);
        m.put("activityType", "ROAD_MARCH");
        m.put("workIntensity", "MODERATE");
        m.put("beginsOn", today.toString());
        m.put("endsOn", today.plusDays(1).toString());
        m.put("preparerDutyTitle", "Қауіпсіздік офицері");
        m.put("supervisionPlan", "Взвод командирлері әр аялдамада тексереді");
        m.put("hazards", List.of(hazards));
        return m;
    }

    private static Map<String, Object> hazard(String code, String text, String p, String s, String rp, String rs) {
        Map<String, Object> h = new HashMap<>();
        h.put("subTask", "Марш 20 км");
        h.put("hazardCode", code);
        h.put("hazard", text);
        h.put("probability", p);
        h.put("severity", s);
        h.put("residualProbability", rp);
        h.put("residualSeverity", rs);
        h.put("controls", List.of(Map.of("control", "Су кестесі", "how", "Әр сағат сайын", "who", "Взвод командирі")));
        return h;
    }

    private JsonNode create(ApiClient client, Map<String, Object> body) {
        ApiClient.Response r = client.postJson("/api/risk-assessments", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private JsonNode clearance(ApiClient client, long id) {
        return ok(client.get("/api/activities/OTHER/" + id + "/clearance"));
    }

    private List<Long> pendingIds(ApiClient client) {
        List<Long> ids = new ArrayList<>();
        ok(client.get("/api/risk-assessments?pending=true")).forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    private static JsonNode ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void expect(ApiClient.Response r, int status, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.body()).as(r.toString()).contains(detail);
    }

    private ApiClient user(String role, String scope) {
        return ApiClient.newUser(port, role, scope, null);
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A road march of the unit, planned by the admin, for an assessment to cover. */
    private long trainingEvent(long unitId) {
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Map<String, Object> e = new java.util.HashMap<>();
        e.put("unitId", unitId);
        e.put("title", "Assessed march");
        e.put("activityType", "ROAD_MARCH");
        e.put("intensity", "MODERATE");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plus(java.time.Duration.ofHours(5)).toString());
        e.put("regionCode", "KZ-11");
        e.put("capacity", 30);
        e.put("awards", List.of());
        ApiClient.Response r = ApiClient.admin(port).postJson("/api/training/events", e);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
