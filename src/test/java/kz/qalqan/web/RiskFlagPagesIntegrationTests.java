package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Risk flags on the pages: the confirmation step before enrolling a flagged member, badges, the member panel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskFlagPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void enrollingAnInjuredMemberAsksForConfirmationAndShowsTheFlag() {
        ApiClient admin = ApiClient.admin(port);
        String code = "RFP-" + UUID.randomUUID().toString().substring(0, 8);
        long unitId = admin.postJson("/api/units", Map.of("code", code, "name", "Белгі взводы", "type", "PLATOON",
                "regionCode", "KZ-75")).json().get("id").asLong();
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Жарақатұлы");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("unitId", unitId);
        long memberId = admin.postJson("/api/members", m).json().get("id").asLong();
        Map<String, Object> report = new HashMap<>();
        report.put("kind", "INJURY");
        report.put("occurredAt", Instant.now().minus(Duration.ofDays(10)).toString());
        report.put("unitId", unitId);
        report.put("description", "Fell from the climbing wall");
        report.put("personIds", List.of(memberId));
        report.put("outcome", "FIRST_AID");
        assertThat(admin.postJson("/api/incidents", report).status()).isEqualTo(201);
        Instant start = Instant.now().plus(Duration.ofDays(2));
        Map<String, Object> e = new HashMap<>();
        e.put("unitId", unitId);
        e.put("title", "Flags class " + code);
        e.put("activityType", "CLASSROOM");
        e.put("intensity", "EASY");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plus(Duration.ofHours(1)).toString());
        e.put("regionCode", "KZ-75");
        e.put("capacity", 5);
        long eventId = admin.postJson("/api/training/events", e).json().get("id").asLong();
        String eventPath = "/training/events/" + eventId;

        WebClient web = new WebClient(port).signIn("admin", "test-admin-password-1");
        WebClient.Page page = web.get(eventPath + "?lang=en");
        assertThat(web.post(eventPath + "/enrol", page, Map.of("memberId", Long.toString(memberId))).status()).isEqualTo(302);
        WebClient.Page asked = web.get(eventPath + "?lang=en");
        assertThat(asked.body()).contains("Confirm risk flags", "Injury in the last 12 months", "name=\"confirmFlags\"")
                .doesNotContain("Жарақатұлы");

        assertThat(web.post(eventPath + "/enrol", asked, Map.of("memberId", Long.toString(memberId),
                "confirmFlags", "true")).status()).isEqualTo(302);
        WebClient.Page enrolled = web.get(eventPath + "?lang=en");
        assertThat(enrolled.body()).contains("Жарақатұлы", "badge-warn", "Injury in the last 12 months")
                .doesNotContain("Confirm risk flags");

        WebClient.Page panel = web.get("/members/" + memberId + "/risk-flags?activityType=CLASSROOM&lang=en");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("id=\"risk-flags\"", "Injury in the last 12 months", "Warning");
        assertThat(web.get("/members/" + memberId).body()).contains("hx-get=\"/members/" + memberId + "/risk-flags\"");
    }
}
