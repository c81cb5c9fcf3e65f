package kz.qalqan.web;

import kz.qalqan.medical.MedicalRecords;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The medical panel of the member page: who sees what, and the exam form with its errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MedicalPanelIntegrationTests {

    @LocalServerPort
    int port;

    long member(ApiClient admin) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Панельұлы");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        ApiClient.Response r = admin.postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    WebClient user(ApiClient admin, String role) {
        String username = "panel-" + role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "panel-secret-pass-" + username;
        ApiClient.Response r = admin.postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "Panel " + role, "language", "en", "grants", List.of(Map.of("role", role, "scope", "KZ-75"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new WebClient(port).signIn(username, password);
    }

    @Test
    void medicalOfficerRecordsAnExamAndCommanderSeesTheClassButNotTheDiagnosis() {
        ApiClient admin = ApiClient.admin(port);
        long id = member(admin);
        WebClient medic = user(admin, "MEDICAL_OFFICER");
        WebClient commander = user(admin, "COMMANDER");
        LocalDate today = LocalDate.now(MedicalRecords.KAZAKHSTAN);

        WebClient.Page panel = medic.get("/members/" + id + "/medical?lang=en");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("Unknown (no valid exam)", "Record an exam");

        WebClient.Page bad = medic.post("/members/" + id + "/medical/exams?lang=en", panel,
                Map.of("examinedOn", today.toString(), "result", "TEMPORARILY_UNFIT", "examiner", "Dr Saparova"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("give the first day the member is fit again", "value=\"Dr Saparova\"");

        WebClient.Page saved = medic.post("/members/" + id + "/medical/exams", panel, Map.of("examinedOn",
                today.minusMonths(13).toString(), "result", "FIT", "diagnosis", "Healthy, mild myopia", "examiner", "Dr Saparova"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/members/" + id + "#medical");

        WebClient.Page after = medic.get("/members/" + id + "/medical?lang=en");
        assertThat(after.body()).contains("Unknown (no valid exam)", "Healthy, mild myopia");

        WebClient.Page commanderView = commander.get("/members/" + id + "/medical?lang=en");
        assertThat(commanderView.status()).isEqualTo(200);
        assertThat(commanderView.body()).contains("Unknown (no valid exam)").doesNotContain("myopia", "Record an exam");

        WebClient.Page forged = commander.post("/members/" + id + "/medical/exams", commanderView,
                Map.of("examinedOn", today.toString(), "result", "FIT", "examiner", "Dr Fake"));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
    }

    @Test
    void refusalsOfTheFormsAreSaidInRussianAndKazakhWithoutEnglish() {
        ApiClient admin = ApiClient.admin(port);
        long id = member(admin);
        WebClient medic = user(admin, "MEDICAL_OFFICER");
        LocalDate today = LocalDate.now(MedicalRecords.KAZAKHSTAN);
        WebClient.Page panel = medic.get("/members/" + id + "/medical?lang=ru");

        WebClient.Page ru = medic.post("/members/" + id + "/medical/exams?lang=ru", panel,
                Map.of("examinedOn", today.toString(), "result", "TEMPORARILY_UNFIT", "examiner", "Др Сапарова"));
        assertThat(ru.body()).contains("Для «Временно негоден» укажите первый день, с которого член снова годен.")
                .doesNotContain("give the first day", "is required for TEMPORARILY_UNFIT", "Not accepted");

        Map<String, String> profile = new HashMap<>();
        profile.put("restrictions", "NO_LOAD_OVER_KG");
        profile.put("maxLoadKg", "500");
        profile.put("startsOn", today.toString());
        profile.put("endsOn", today.plusDays(30).toString());
        WebClient.Page kk = medic.post("/members/" + id + "/medical/profiles?lang=kk", panel, profile);
        assertThat(kk.body()).contains("Жүк шегі 1-ден 200 кг-ға дейінгі бүтін сан болуы керек.",
                        "Профильдің себебін көрсетіңіз.")
                .doesNotContain("must be between", "is required", "The load limit");

        profile.put("maxLoadKg", "25");
        profile.put("reason", "Арқа жарақаты");
        assertThat(medic.post("/members/" + id + "/medical/profiles", panel, profile).status()).isEqualTo(302);
        assertThat(medic.get("/members/" + id + "/medical?lang=ru").body()).contains("Без груза свыше 25 кг")
                .doesNotContain(">NO_LOAD_OVER_KG<");
    }

    @Test
    void memberPageLoadsThePanel() {
        ApiClient admin = ApiClient.admin(port);
        long id = member(admin);
        WebClient.Page page = new WebClient(port).signIn("admin", "test-admin-password-1").get("/members/" + id);
        assertThat(page.body()).contains("hx-get=\"/members/" + id + "/medical\"");
    }
}
