package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.RiskClearances;
import kz.qalqan.support.TestIins;
import kz.qalqan.training.Qualifications;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The training pages as a trainer uses them: plan with field errors, enrol, record attendance, expiring list and CSV. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainingPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void trainerPlansRunsAndRecordsTrainingOnThePages() {
        ApiClient admin = ApiClient.admin(port);
        String code = "TP-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response unit = admin.postJson("/api/units", Map.of("code", code, "name", "Бет взводы",
                "type", "PLATOON", "regionCode", "KZ-75"));
        long unitId = unit.json().get("id").asLong();
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Беттегіұлы");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("unitId", unitId);
        long memberId = admin.postJson("/api/members", m).json().get("id").asLong();
        LocalDate today = LocalDate.now(Qualifications.KAZAKHSTAN);
        assertThat(admin.postJson("/api/members/" + memberId + "/qualifications", Map.of("code", "fitness_test",
                "awardedOn", today.minusDays(340).toString(), "expiresOn", today.plusDays(25).toString(),
                "evidence", "Protocol")).status()).isEqualTo(201);

        WebClient web = new WebClient(port).signIn("admin", "test-admin-password-1");
        WebClient.Page form = web.get("/training/events/new?unit=" + code + "&lang=en");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Plan training", "name=\"unitId\"");

        LocalDateTime start = LocalDateTime.now(Qualifications.KAZAKHSTAN).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("unitId", Long.toString(unitId));
        fields.put("title", "Pages drill " + code);
        fields.put("activityType", "PHYSICAL_TRAINING");
        fields.put("intensity", "HARD");
        fields.put("startsAt", start.toString());
        fields.put("endsAt", start.minusHours(1).toString());
        fields.put("regionCode", "KZ-75");
        fields.put("capacity", "lots");
        fields.put("awards", "first_aid");
        WebClient.Page rejected = web.post("/training/events", form, fields);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body()).contains("endsAt-error", "capacity-error").contains("value=\"Pages drill " + code + "\"");

        fields.put("endsAt", start.plusHours(2).toString());
        fields.put("capacity", "10");
        WebClient.Page saved = web.post("/training/events", rejected, fields);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        String eventPath = saved.location().replaceAll("^https?://[^/]+", "").replaceAll(";.*$", "");
        assertThat(eventPath).matches("/training/events/\\d+");

        WebClient.Page event = web.get(eventPath);
        assertThat(event.status()).isEqualTo(200);
        assertThat(event.body()).contains("Pages drill " + code);
        assertThat(web.post(eventPath + "/enrol", event, Map.of("memberId", Long.toString(memberId),
                // physical training in June–August flags everyone unacclimatised: confirmed (a no-op without flags)
                "confirmFlags", "true")).status()).isEqualTo(302);
        RiskClearances.approve(port, Long.parseLong(eventPath.substring(eventPath.lastIndexOf('/') + 1)), unitId);
        assertThat(web.post(eventPath + "/status", event, Map.of("action", "start")).status()).isEqualTo(302);
        WebClient.Page recorded = web.post(eventPath + "/attendance", event, Map.of("memberId", Long.toString(memberId),
                "attendance", "PRESENT", "durationMinutes", "60", "sessionRpe", "7", "result", "PASS"));
        assertThat(recorded.status()).isEqualTo(302);
        WebClient.Page after = web.get(eventPath);
        assertThat(after.body()).contains("Беттегіұлы", "First aid").doesNotContain(">first_aid<");
        assertThat(after.body()).contains(">7<");

        WebClient.Page calendar = web.get("/training?unit=" + code + "&period=month");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.body()).contains("Pages drill " + code);

        WebClient.Page expiring = web.get("/training/expiring?unit=" + code + "&days=30");
        assertThat(expiring.status()).isEqualTo(200);
        assertThat(expiring.body()).contains("Беттегіұлы", "Physical fitness test", "/training/expiring.csv")
                .doesNotContain(">fitness_test<");
        WebClient.Page csv = web.get("/training/expiring.csv?unit=" + unitId + "&days=30&sub=true", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body()).startsWith("member_id,last_name").contains("Беттегіұлы", "fitness_test", today.plusDays(24).toString());

        WebClient.Page panel = web.get("/members/" + memberId + "/training");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("training-panel", "Physical fitness test", "First aid", "420")
                .doesNotContain(">fitness_test<", ">first_aid<");
        WebClient.Page detail = web.get("/members/" + memberId);
        assertThat(detail.body()).contains("hx-get=\"/members/" + memberId + "/training\"");
    }

    @Test
    void theEventFormAndTheEventPageSayRefusalsInRussianAndKazakh() {
        ApiClient admin = ApiClient.admin(port);
        String code = "TQ-" + UUID.randomUUID().toString().substring(0, 8);
        long unitId = admin.postJson("/api/units", Map.of("code", code, "name", "Тіл взводы",
                "type", "PLATOON", "regionCode", "KZ-75")).json().get("id").asLong();
        WebClient web = new WebClient(port).signIn("admin", "test-admin-password-1");
        LocalDateTime start = LocalDateTime.now(Qualifications.KAZAKHSTAN).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("unitId", Long.toString(unitId));
        fields.put("title", "Тіл " + code);
        fields.put("activityType", "PHYSICAL_TRAINING");
        fields.put("intensity", "HARD");
        fields.put("startsAt", start.toString());
        fields.put("endsAt", start.minusHours(1).toString());
        fields.put("regionCode", "KZ-75");
        fields.put("lat", "95");
        fields.put("lon", "70");
        fields.put("capacity", "0");

        WebClient.Page ru = web.post("/training/events", web.get("/training/events/new?lang=ru"), fields);
        assertThat(ru.status()).isEqualTo(200);
        assertThat(ru.body()).contains("Окончание должно быть позже начала.", "Широта должна быть от -90 до 90.",
                        "Число мест должно быть от 1 до")
                .doesNotContain("must be after the start", "must be between", "Not accepted", "Не принято");

        WebClient.Page kk = web.post("/training/events", web.get("/training/events/new?lang=kk"), fields);
        assertThat(kk.status()).isEqualTo(200);
        assertThat(kk.body()).contains("Аяқталу уақыты басталу уақытынан кейін болуы керек.",
                        "Ендік -90 мен 90 аралығында болуы керек.")
                .doesNotContain("must be after the start", "must be between", "Not accepted", "Қабылданбады");

        fields.put("endsAt", start.plusHours(2).toString());
        fields.put("lat", "43.2");
        fields.put("capacity", "5");
        WebClient.Page saved = web.post("/training/events", kk, fields);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        String eventPath = saved.location().replaceAll("^https?://[^/]+", "").replaceAll(";.*$", "");
        WebClient.Page event = web.get(eventPath + "?lang=ru");
        // no approved risk assessment: the start is refused, and the page says so in Russian
        assertThat(web.post(eventPath + "/status", event, Map.of("action", "start")).status()).isEqualTo(302);
        assertThat(web.get(eventPath).body()).contains("Для этого мероприятия не подготовлена оценка рисков.").doesNotContain("No risk assessment");
        WebClient.Page inKazakh = web.get(eventPath + "?lang=kk");
        assertThat(web.post(eventPath + "/status", inKazakh, Map.of("action", "complete")).status()).isEqualTo(302);
        assertThat(web.get(eventPath).body()).contains("Тек басталған оқуды аяқтауға болады.")
                .doesNotContain("only a STARTED event", "Only a started training");
    }
}
