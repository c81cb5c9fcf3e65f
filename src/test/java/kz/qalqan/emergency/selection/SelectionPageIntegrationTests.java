package kz.qalqan.emergency.selection;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import kz.qalqan.training.Qualifications;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The selection tab as a coordinator uses it: the form, the ranked result, the excluded and Confirm. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelectionPageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void coordinatorSelectsReadsTheReasonsAndConfirmsOnThePage() {
        ApiClient admin = ApiClient.admin(port);
        ApiClient medic = ApiClient.newUser(port, "MEDICAL_OFFICER", "KZ-75", null);
        ApiClient trainer = ApiClient.newUser(port, "TRAINING_OFFICER", "KZ-75", null);
        LocalDate today = LocalDate.now(Qualifications.KAZAKHSTAN);
        double lat = 46.0 + ThreadLocalRandom.current().nextDouble(2.0);
        double lon = 66.0 + ThreadLocalRandom.current().nextDouble(3.0);
        long emergencyId = admin.postJson("/api/emergencies", Map.of("title", "Page test flood", "type", "FLOOD",
                "severity", "SEVERE", "exercise", true, "area", Map.of("circles",
                        List.of(Map.of("center", Map.of("lat", lat, "lon", lon), "radiusKm", 5))))).json().get("id").asLong();
        long ready = member(admin, "Беттікұлы", lat + 0.001, lon);
        long unfit = member(admin, "Жарамсызұлы", lat + 0.002, lon);
        assertThat(medic.postJson("/api/members/" + ready + "/medical/exams", Map.of("examinedOn", today.toString(),
                "result", "FIT", "examiner", "Dr Page")).status()).isEqualTo(201);
        for (long id : List.of(ready, unfit)) {
            assertThat(trainer.postJson("/api/members/" + id + "/qualifications", Map.of("code", "land_navigation",
                    "awardedOn", today.toString(), "evidence", "Page test")).status()).isEqualTo(201);
        }

        WebClient web = new WebClient(port).signIn("admin", "test-admin-password-1");
        String base = "/emergencies/" + emergencyId + "/selection";
        WebClient.Page form = web.get(base + "?lang=en");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.body()).contains("What is needed", "Land navigation", "Page test flood");

        WebClient.Page bad = web.post(base, form, Map.of("count", "many", "lat", Double.toString(lat),
                "lon", Double.toString(lon), "radiusKm", "2"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Enter a whole number; &quot;many&quot; is not one.", "value=\"many\"");

        // in Russian: every mistake at once, each from its rule's code, no English
        WebClient.Page ruForm = web.get(base + "?lang=ru");
        WebClient.Page ru = web.post(base, ruForm, Map.of("count", "many", "lat", "200", "lon", Double.toString(lon),
                "radiusKm", "0", "overrideAcwr", "12"));
        assertThat(ru.status()).isEqualTo(400);
        assertThat(ru.body()).contains("Введите целое число; &quot;many&quot; им не является.",
                "Укажите широту точки (от -90 до 90)", "Укажите радиус больше 0 и не более 1000 км.",
                "Чтобы не учитывать флаг опасности ACWR, нужно указать причину.");
        assertThat(ru.body()).doesNotContain("whole number", "give a latitude", "must be above 0", "is required to override");
        web.get(base + "?lang=en");

        WebClient.Page made = web.post(base, form, Map.of("count", "5", "qualifications", "land_navigation",
                "match", "ALL", "lat", Double.toString(lat), "lon", Double.toString(lon), "radiusKm", "1"));
        assertThat(made.status()).as(made.toString()).isEqualTo(302);
        assertThat(made.location()).contains(base + "?sid=");
        WebClient.Page result = web.get(made.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("Беттікұлы", "Ready", "Жарамсызұлы", "medical: no valid exam, or found unfit",
                "Order ");

        long sid = Long.parseLong(made.location().replaceAll(".*sid=(\\d+).*", "$1"));
        WebClient.Page confirmed = web.post(base + "/" + sid + "/confirm", result, Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(302);
        assertThat(jdbc.sql("select status from emergency.activation where emergency_id = ? and member_id = ?")
                .params(emergencyId, ready).query(String.class).single()).isEqualTo("ORDERED");
        assertThat(web.get(base + "?sid=" + sid).body()).contains("confirmed, call-up ordered");
    }

    static long member(ApiClient admin, String lastName, double lat, double lon) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", lastName);
        m.put("firstName", "Бет");
        m.put("regionCode", "KZ-75");
        m.put("lat", lat);
        m.put("lon", lon);
        ApiClient.Response r = admin.postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
