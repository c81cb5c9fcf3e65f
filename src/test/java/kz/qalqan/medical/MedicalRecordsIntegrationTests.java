package kz.qalqan.medical;

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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MedicalRecordsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    long member(ApiClient admin, String region) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Медициналық");
        m.put("firstName", "Тест");
        m.put("regionCode", region);
        ApiClient.Response r = admin.postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    ApiClient user(ApiClient admin, String role, String region) {
        return ApiClient.newUser(port, role, region, null);
    }

    JsonNode status(ApiClient client, long memberId, String query) {
        ApiClient.Response r = client.get("/api/members/" + memberId + "/medical" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void medicalOfficerRecordsCommanderSeesClassWithoutDetails() {
        ApiClient admin = ApiClient.admin(port);
        LocalDate today = LocalDate.now(MedicalRecords.KAZAKHSTAN);
        long id = member(admin, "KZ-75");
        ApiClient medic = user(admin, "MEDICAL_OFFICER", "KZ-75");
        ApiClient commander = user(admin, "COMMANDER", "KZ-75");
        ApiClient otherMedic = user(admin, "MEDICAL_OFFICER", "KZ-71");
        String base = "/api/members/" + id + "/medical";

        assertThat(status(medic, id, "").get("medicalClass").asString()).isEqualTo("UNKNOWN");

        Map<String, Object> fit = Map.of("examinedOn", today.toString(), "result", "FIT",
                "diagnosis", "Healthy", "examiner", "Dr Abenova");
        assertThat(admin.postJson(base + "/exams", fit).status()).isEqualTo(403);
        assertThat(otherMedic.postJson(base + "/exams", fit).status()).isEqualTo(404);
        assertThat(otherMedic.get(base).status()).isEqualTo(404);
        ApiClient.Response bad = medic.postJson(base + "/exams", Map.of("examinedOn", today.toString(),
                "result", "TEMPORARILY_UNFIT", "examiner", "Dr Abenova"));
        assertThat(bad.status()).as(bad.toString()).isIn(400, 422);
        assertThat(bad.body()).contains("unfitUntil");
        assertThat(bad.json().get("errors").get(0).get("code").asString()).isEqualTo("medical.exam.unfitUntilRequired");
        ApiClient.Response forbidden = admin.postJson(base + "/exams", fit);
        assertThat(forbidden.json().get("code").asString()).isEqualTo("medical.record.medicalOfficersOnly");
        ApiClient.Response range = medic.postJsonIn("ru", base + "/profiles", Map.of("restrictions", List.of("NO_LOAD_OVER_KG"),
                "maxLoadKg", 500, "reason", "Колено", "startsOn", today.toString(), "endsOn", today.toString()));
        assertThat(range.status()).as(range.toString()).isEqualTo(400);
        JsonNode problem = range.json().get("errors").get(0);
        assertThat(problem.get("field").asString()).isEqualTo("maxLoadKg");
        assertThat(problem.get("code").asString()).isEqualTo("medical.profile.maxLoadRange");
        assertThat(problem.get("args").toString()).isEqualTo("[1,200]");
        assertThat(problem.get("message").asString()).isEqualTo("Предел груза — целое число от 1 до 200 кг.");

        ApiClient.Response r = medic.postJson(base + "/exams", fit);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("medicalClass").asString()).isEqualTo("FIT");
        assertThat(status(medic, id, "").get("medicalClass").asString()).isEqualTo("FIT");

        r = medic.postJson(base + "/profiles", Map.of("restrictions", List.of("NO_LOAD_OVER_KG", "NO_RUNNING"),
                "maxLoadKg", 15, "reason", "Knee ligament injury", "startsOn", today.toString(),
                "endsOn", today.plusDays(30).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);

        JsonNode full = status(medic, id, "?reason=Fitness%20review");
        assertThat(full.get("medicalClass").asString()).isEqualTo("FIT_LIMITED");
        assertThat(full.get("latestDiagnosis").asString()).isEqualTo("Healthy");
        assertThat(full.get("profiles").get(0).get("reason").asString()).isEqualTo("Knee ligament injury");
        assertThat(full.get("maxLoadKg").asInt()).isEqualTo(15);

        JsonNode limited = status(commander, id, "?reason=curious");
        assertThat(limited.get("medicalClass").asString()).isEqualTo("FIT_LIMITED");
        assertThat(limited.get("lastExamOn").asString()).isEqualTo(today.toString());
        assertThat(limited.get("validUntil").asString()).isEqualTo(today.plusMonths(12).minusDays(1).toString());
        // restriction codes follow the risk flags' rule (issue 10 item 11): medical roles in scope and the member only
        assertThat(limited.get("activeRestrictions").isNull()).isTrue();
        assertThat(limited.get("maxLoadKg").isNull()).isTrue();
        assertThat(limited.get("profiles").get(0).get("restrictions").isNull()).isTrue();
        assertThat(limited.toString()).doesNotContain("NO_RUNNING", "NO_LOAD_OVER_KG");
        ApiClient.Response flags = commander.get("/api/members/" + id + "/risk-flags?activityType=PHYSICAL_TRAINING");
        assertThat(flags.status()).as(flags.toString()).isEqualTo(200);
        assertThat(flags.body()).contains("MEDICAL_RESTRICTION").doesNotContain("NO_RUNNING");
        assertThat(status(medic, id, "").get("activeRestrictions").toString()).contains("NO_LOAD_OVER_KG", "NO_RUNNING");
        assertThat(limited.get("latestDiagnosis").isNull()).isTrue();
        assertThat(limited.get("profiles").get(0).get("reason").isNull()).isTrue();
        assertThat(limited.get("profiles").get(0).get("endsOn").asString()).isEqualTo(today.plusDays(30).toString());
        assertThat(limited.toString()).doesNotContain("Healthy", "Knee");

        r = medic.postJson(base + "/exams", Map.of("examinedOn", today.toString(), "result", "TEMPORARILY_UNFIT",
                "unfitUntil", today.plusDays(14).toString(), "diagnosis", "Fractured wrist", "examiner", "Dr Abenova"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode unfit = status(commander, id, "");
        assertThat(unfit.get("medicalClass").asString()).isEqualTo("TEMPORARILY_UNFIT");
        assertThat(unfit.get("unfitUntil").asString()).isEqualTo(today.plusDays(14).toString());
        assertThat(unfit.toString()).doesNotContain("Fractured");

        List<AuditEntry> reads = audit.search(new AuditQuery(null, "member", Long.toString(id), "MEDICAL_READ",
                null, null, 100, null));
        assertThat(reads).extracting(AuditEntry::reason).contains("Fitness review");
        assertThat(reads).filteredOn(e -> "curious".equals(e.reason())).isEmpty();
        List<AuditEntry> exams = audit.search(new AuditQuery(null, "member", Long.toString(id), "MEDICAL_EXAM_RECORD",
                null, null, 100, null));
        assertThat(exams).hasSize(2);
        assertThat(audit.search(new AuditQuery(null, "member", Long.toString(id), "MEDICAL_PROFILE_RECORD",
                null, null, 100, null))).hasSize(1);
    }
}
