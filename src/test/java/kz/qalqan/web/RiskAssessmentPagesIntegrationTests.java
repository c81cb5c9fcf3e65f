package kz.qalqan.web;

import kz.qalqan.safety.RiskAssessments;
import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk assessment pages: prepare from the library, fix an error, submit, approve from the queue, print. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskAssessmentPagesIntegrationTests {

    @LocalServerPort
    int port;

    WebClient user(ApiClient admin, String role, String scope) {
        String username = "riskpage-" + role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "riskpage-secret-pass-" + username;
        ApiClient.Response r = admin.postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "Page " + role, "language", "kk", "grants", List.of(Map.of("role", role, "scope", scope))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new WebClient(port).signIn(username, password);
    }

    @Test
    void preparerFillsTheWorksheetFromTheLibraryAndACommanderApprovesItFromTheQueue() {
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response unit = admin.postJson("/api/units", Map.of("code", "RP-" + tag, "name", "Құтқару тобы " + tag,
                "type", "RESCUE_TEAM", "regionCode", "KZ-75"));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        long unitId = unit.json().get("id").asLong();
        WebClient officer = user(admin, "SAFETY_OFFICER", "KZ-75");
        WebClient commander = user(admin, "COMMANDER", "KZ-75");
        LocalDate today = LocalDate.now(RiskAssessments.KAZAKHSTAN);

        WebClient.Page list = officer.get("/risk-assessments");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Тәуекелді жан-жақты бағалау", "Менің бекітуімді күтуде");

        WebClient.Page form = officer.get("/risk-assessments/new?activityType=ROAD_MARCH&lang=en");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("RM-01 · Heat injury", "Work/rest and water by WBGT", "data-matrix=\"EH,EH,H,H,M;");

        Map<String, String> fields = new HashMap<>();
        fields.put("activityKind", "OTHER");
        fields.put("title", "Шымкент марш " + tag);
        fields.put("unitId", Long.toString(unitId));
        fields.put("activityType", "ROAD_MARCH");
        fields.put("workIntensity", "MODERATE");
        fields.put("beginsOn", today.toString());
        fields.put("endsOn", today.toString());
        fields.put("supervisionPlan", "Әр аялдамада тексеру");
        fields.put("rows", "3");
        fields.put("hazards[0].hazardCode", "RM-01");
        fields.put("hazards[0].severity", "II");
        fields.put("hazards[0].controls", "Water by WBGT | every hour | squad leaders");
        fields.put("hazards[0].residualProbability", "D");
        fields.put("hazards[0].residualSeverity", "III");
        fields.put("hazards[2].hazard", "Іздеу иттері");
        fields.put("hazards[2].probability", "D");
        fields.put("hazards[2].severity", "IV");
        fields.put("action", "save");
        WebClient.Page bad = officer.post("/risk-assessments?lang=en", form, fields);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(200);
        assertThat(bad.body()).contains("Some fields need attention", "hazards[0].probability-error", "Шымкент марш " + tag);

        fields.put("hazards[0].probability", "C");
        WebClient.Page saved = officer.post("/risk-assessments", form, fields);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        String detailPath = saved.location().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
        assertThat(saved.location()).contains("saved=created");

        WebClient.Page detail = officer.get(detailPath + "?lang=en&saved=created");
        assertThat(detail.body()).contains("The assessment was saved as a draft", "H · High", "L · Low",
                "Water by WBGT", "every hour — squad leaders", "Іздеу иттері", "Not cleared to start", "Submit for approval");

        // the library hazard was copied in the language of the preparer's page; every reader sees it in theirs
        assertThat(officer.get(detailPath + "?lang=ru").body()).contains("Тепловое поражение").doesNotContain("Heat injury");
        assertThat(officer.get(detailPath + "?lang=kk").body()).contains("Ыстықтан зақымдану");

        WebClient.Page submitted = officer.post(detailPath + "/submit", detail, Map.of());
        assertThat(submitted.status()).isEqualTo(302);
        WebClient.Page ownDecision = officer.get(detailPath + "?lang=en");
        assertThat(ownDecision.body()).doesNotContain(">Approve<");

        WebClient.Page queue = commander.get("/risk-assessments?pending=true&lang=en");
        assertThat(queue.body()).contains("Шымкент марш " + tag, "L · Low");
        WebClient.Page toDecide = commander.get(detailPath + "?lang=en");
        assertThat(toDecide.body()).contains(">Approve<", "Disapprove");
        WebClient.Page approved = commander.post(detailPath + "/approve", toDecide, Map.of());
        assertThat(approved.location()).contains("saved=approved");
        WebClient.Page after = commander.get(detailPath + "?lang=en");
        assertThat(after.body()).contains("Cleared to start", "Page COMMANDER", "Region&#39;s territorial-defense commander");
        assertThat(commander.get("/risk-assessments?pending=true&lang=en").body()).doesNotContain("Шымкент марш " + tag);

        WebClient.Page pdf = officer.get(detailPath + ".pdf", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        WebClient.Page review = officer.get(detailPath + "/edit?lang=en");
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.body()).contains("saving changes only its hazards");
        assertThat(user(admin, "MEDICAL_OFFICER", "KZ-75").get(detailPath + "/edit").status()).isEqualTo(403);
    }

    @Test
    void refusalsAreSaidInRussianAndKazakhWithoutEnglish() {
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        ApiClient.Response unit = admin.postJson("/api/units", Map.of("code", "RR-" + tag, "name", "Құтқару тобы " + tag,
                "type", "RESCUE_TEAM", "regionCode", "KZ-75"));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        WebClient officer = user(admin, "SAFETY_OFFICER", "KZ-75");
        LocalDate today = LocalDate.now(RiskAssessments.KAZAKHSTAN);
        WebClient.Page form = officer.get("/risk-assessments/new?lang=ru");

        Map<String, String> fields = new HashMap<>();
        fields.put("activityKind", "OTHER");
        fields.put("unitId", Long.toString(unit.json().get("id").asLong()));
        fields.put("activityType", "ROAD_MARCH");
        fields.put("workIntensity", "MODERATE");
        fields.put("beginsOn", today.toString());
        fields.put("endsOn", today.minusDays(1).toString());
        fields.put("rows", "1");
        fields.put("hazards[0].hazard", "Гололёд");
        fields.put("hazards[0].probability", "Z");
        fields.put("hazards[0].severity", "II");
        fields.put("action", "save");
        WebClient.Page ru = officer.post("/risk-assessments?lang=ru", form, fields);
        assertThat(ru.body()).contains("Укажите задачу или мероприятие.", "Дата окончания не может быть раньше даты начала.",
                        "Выберите вероятность от A до E.")
                .doesNotContain("is required", "must not be before", "must be one of", "Not accepted");

        fields.put("title", "Марш " + tag);
        fields.put("endsOn", today.toString());
        fields.put("hazards[0].probability", "C");
        WebClient.Page saved = officer.post("/risk-assessments", form, fields);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        String detailPath = saved.location().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");

        WebClient.Page detail = officer.get(detailPath + "?lang=kk");
        WebClient.Page refused = officer.post(detailPath + "/submit?lang=kk", detail, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Бекітуге жібермес бұрын бақылау жоспарын жазыңыз.")
                .doesNotContain("is required before submitting");
    }
}
