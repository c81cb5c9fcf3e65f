package kz.qalqan.emergency.sitrep;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The SITREP's figures match what was done; the PDF is a PDF with the emergency's title, in the reader's language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SitrepIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String username = "sitrep-coord-" + tag;
    private final String password = "sitrep-secret-pass-" + tag;

    long member(ApiClient admin) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Баяндамаұлы");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        ApiClient.Response r = admin.postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    void activate(long emergencyId, long memberId, String status) {
        jdbc.sql("""
                        insert into emergency.activation (emergency_id, member_id, org_path, status, ordered_at, ordered_by, answered_at)
                        select ?, id, org_path, ?, now(), 'test', case when ? = 'ORDERED' then null else now() end
                        from registry.member where id = ?""")
                .params(emergencyId, status, status, memberId).update();
    }

    @Test
    void figuresMatchWhatWasDoneAndThePdfCarriesTheTitle() throws Exception {
        ApiClient admin = ApiClient.admin(port);
        assertThat(admin.postJson("/api/users", Map.of("username", username, "password", password, "displayName", "Coordinator",
                "language", "en", "grants", List.of(Map.of("role", "EMERGENCY_COORDINATOR", "scope", "KZ-75")))).status()).isEqualTo(201);
        ApiClient coordinator = new ApiClient(port, username, password);
        ApiClient medic = ApiClient.newUser(port, "MEDICAL_OFFICER", "KZ-75", null);
        ApiClient trainer = ApiClient.newUser(port, "TRAINING_OFFICER", "KZ-75", null);
        String title = "Sitrep flood " + tag;
        ApiClient.Response declared = coordinator.postJson("/api/emergencies", Map.of("title", title, "type", "FLOOD",
                "severity", "EXTREME", "area", Map.of("circles", List.of(Map.of("center", Map.of("lat", 43.2389, "lon", 76.8897),
                        "radiusKm", 20)))));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        long id = declared.json().get("id").asLong();
        String base = "/api/emergencies/" + id;

        long accepted1 = member(admin);
        long accepted2 = member(admin);
        long declined = member(admin);
        long unable = member(admin);
        long silent = member(admin);
        activate(id, accepted1, "ACCEPTED");
        activate(id, accepted2, "ACCEPTED");
        activate(id, declined, "DECLINED");
        activate(id, unable, "UNABLE");
        activate(id, silent, "ORDERED");
        assertThat(coordinator.postJson(base + "/checkins", Map.of("memberId", accepted1)).status()).isEqualTo(201);
        assertThat(coordinator.postJson(base + "/checkins", Map.of("memberId", accepted2)).status()).isEqualTo(201);
        assertThat(coordinator.postJson(base + "/checkouts", Map.of("memberId", accepted2)).status()).isEqualTo(200);
        long t1 = coordinator.postJson(base + "/tasks", Map.of("type", "EVACUATION", "title", "Evacuate " + tag)).json().get("id").asLong();
        coordinator.postJson(base + "/tasks", Map.of("type", "LOGISTICS", "title", "Water " + tag));
        long t3 = coordinator.postJson(base + "/tasks", Map.of("type", "OTHER", "title", "Other " + tag)).json().get("id").asLong();
        coordinator.postJson(base + "/tasks/" + t1 + "/status", Map.of("status", "ASSIGNED"));
        coordinator.postJson(base + "/tasks/" + t3 + "/status", Map.of("status", "CANCELLED"));

        assertThat(trainer.get(base + "/sitrep").status()).isEqualTo(404);
        ApiClient.Response r = medic.get(base + "/sitrep");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode s = r.json();
        assertThat(s.get("title").asString()).isEqualTo(title);
        JsonNode f = s.get("figures");
        assertThat(f.get("activated").asLong()).isEqualTo(5);
        assertThat(f.get("answered").asLong()).isEqualTo(4);
        assertThat(f.get("accepted").asLong()).isEqualTo(2);
        assertThat(f.get("declined").asLong()).isEqualTo(1);
        assertThat(f.get("unable").asLong()).isEqualTo(1);
        assertThat(f.get("arrived").asLong()).isEqualTo(2);
        boolean accountability = jdbc.sql("select to_regclass('emergency.accountability') is not null").query(Boolean.class).single();
        assertThat(s.get("accountabilityAvailable").asBoolean()).isEqualTo(accountability);
        if (accountability) {
            long accounted = jdbc.sql("select count(*) from emergency.accountability where emergency_id = ? and status <> 'UNKNOWN'")
                    .param(id).query(Long.class).single();
            assertThat(f.get("accounted").asLong()).isEqualTo(accounted);
        } else {
            assertThat(f.get("accounted").asLong()).isZero();
            assertThat(f.get("injured").asLong()).isZero();
        }
        assertThat(s.get("tasksByStatus").get("PLANNED").asLong()).isEqualTo(1);
        assertThat(s.get("tasksByStatus").get("ASSIGNED").asLong()).isEqualTo(1);
        assertThat(s.get("tasksByStatus").get("CANCELLED").asLong()).isEqualTo(1);
        assertThat(s.get("tasksByStatus").get("DONE").asLong()).isZero();
        assertThat(s.get("leftBehind").asInt()).isEqualTo(1);
        JsonNode timeline = s.get("timeline");
        assertThat(timeline.size()).isBetween(1, 2);
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("activated").asLong()).isEqualTo(5);
        assertThat(last.get("answered").asLong()).isEqualTo(4);
        assertThat(last.get("arrived").asLong()).isEqualTo(2);

        // the PDF: a PDF, titled with the emergency, in the reader's language
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + base + "/sitrep.pdf")).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "ru").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String raw = new String(pdf.body(), StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF");
        assertThat(raw).contains("SITREP: " + title);
        assertThat(pdf.body().length).isGreaterThan(5000); // the embedded font subset is in it

        // the page: figures, the chart's data and the PDF link
        WebClient web = new WebClient(port).signIn(username, password);
        WebClient.Page page = web.get("/emergencies/" + id + "/sitrep?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Situation report").contains("data-sitrep=")
                .contains("/emergencies/" + id + "/sitrep.pdf").contains("1 people are still checked in");
        assertThat(web.get("/emergencies/" + id + "/sitrep?lang=ru").body()).contains("Донесение об обстановке");
        WebClient.Page pagePdf = web.get("/emergencies/" + id + "/sitrep.pdf", "application/pdf");
        assertThat(pagePdf.status()).isEqualTo(200);
        assertThat(pagePdf.body()).startsWith("%PDF");
    }
}
