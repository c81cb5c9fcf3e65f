package kz.qalqan.security;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 5: every list in a request body has a documented maximum; a longer one is refused at once with 400
 * naming the field (code {@code request.list.too-long}, the maximum and the size given), and the ids of a list within
 * its cap are resolved in one query, not one per id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestListLimitsIntegrationTests {

    @LocalServerPort
    int port;

    private static List<Long> ids(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    /** Refused with 400 naming {@code field} with the list code and {@code max}, in under {@code seconds}. */
    private static void refused(ApiClient.Response r, String field, int max) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        JsonNode errors = r.json().get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asString() + " " + (e.has("code") ? e.get("code").asString() : "")
                + " " + (e.has("args") ? e.get("args").toString() : "")));
        assertThat(fields).anySatisfy(f -> assertThat(f).startsWith(field + " request.list.too-long [" + max + ","));
    }

    @Test
    void anIncidentNamingAHundredThousandPeopleIsRefusedAtOnce() {
        ApiClient admin = ApiClient.admin(port);
        long unit = admin.postJson("/api/units", Map.of("code", "RLL-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Limits platoon", "type", "PLATOON", "regionCode", "KZ-75")).json().get("id").asLong();
        Map<String, Object> report = new HashMap<>();
        report.put("kind", "INJURY");
        report.put("occurredAt", Instant.now().minusSeconds(60).toString());
        report.put("unitId", unit);
        report.put("description", "Many people");
        report.put("personIds", ids(100_000));
        long started = System.nanoTime();
        refused(admin.postJson("/api/incidents", report), "personIds", 1_000);
        Duration refusal = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("100,000 personIds refused in " + refusal.toMillis() + " ms");
        assertThat(refusal).isLessThan(Duration.ofSeconds(10));

        // at the cap, 1,000 unknown ids are looked up in one query: quick, and reported as unknown
        report.put("personIds", LongStream.rangeClosed(900_000_000L, 900_000_999L).boxed().toList());
        started = System.nanoTime();
        var unknown = admin.postJson("/api/incidents", report);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"code\":\"incident.person.unknown\"").contains("900000000");
        System.out.println("1,000 unknown personIds resolved in " + took.toMillis() + " ms");
        assertThat(took).as("1,000 ids resolved set-based").isLessThan(Duration.ofSeconds(5));

        // and a real person is found
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Шектеулі");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        long person = admin.postJson("/api/members", m).json().get("id").asLong();
        report.put("personIds", List.of(person));
        assertThat(admin.postJson("/api/incidents", report).status()).isEqualTo(201);
    }

    @Test
    void everyOtherListInARequestBodyIsCapped() {
        ApiClient admin = ApiClient.admin(port);
        Map<String, Object> area = new HashMap<>();
        area.put("districtIds", Collections.nCopies(100_000, 1));
        long started = System.nanoTime();
        refused(admin.postJson("/api/emergencies", Map.of("title", "Too many districts", "type", "FLOOD",
                "severity", "MINOR", "exercise", true, "area", area)), "area.districtIds", 250);
        Duration districts = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("100,000 districtIds refused in " + districts.toMillis() + " ms");
        assertThat(districts).isLessThan(Duration.ofSeconds(10));
        area.put("districtIds", List.of());
        area.put("polygons", List.of(Collections.nCopies(10_001, Map.of("lat", 47.0, "lon", 51.0))));
        refused(admin.postJson("/api/emergencies", Map.of("title", "Too many points", "type", "FLOOD",
                "severity", "MINOR", "exercise", true, "area", area)), "area.polygons[0]", 10_000);

        long emergency = admin.postJson("/api/emergencies", Map.of("title", "Limits " + UUID.randomUUID(), "type", "FLOOD",
                "severity", "MINOR", "exercise", true, "area", Map.of("regionCodes", List.of("KZ-75"))))
                .json().get("id").asLong();
        String base = "/api/emergencies/" + emergency;
        refused(admin.postJson(base + "/selections", Map.of("count", 5, "exemptions", ids(5_001))), "exemptions", 5_000);
        refused(admin.postJson(base + "/selections", Map.of("count", 5, "overrideAcwr", ids(5_001), "reason", "x")),
                "overrideAcwr", 5_000);
        refused(admin.postJson(base + "/selections", Map.of("count", 5, "qualifications",
                Collections.nCopies(51, "first_aid"))), "qualifications", 50);
        refused(admin.postJson(base + "/selections/1/confirm", Map.of("memberIds", ids(5_001))), "memberIds", 5_000);
        refused(admin.postJson(base + "/teams", Map.of("name", "Big", "memberIds", ids(501))), "memberIds", 500);
        refused(admin.postJson(base + "/accountability/ask", Map.of("channels",
                List.of("SMS", "EMAIL", "WEBHOOK", "INBOX", "SMS"))), "channels", 4);

        refused(admin.postJson("/api/notifications", Map.of("templateKey", "callup", "channels", List.of("EMAIL"),
                "idempotencyKey", "k", "correlationId", "c", "memberIds", ids(100_001))), "memberIds", 100_000);

        long unit = admin.postJson("/api/units", Map.of("code", "RLM-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Limits company", "type", "COMPANY", "regionCode", "KZ-75")).json().get("id").asLong();
        refused(admin.postJson("/api/units", Map.of("code", "RLX-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Too many positions", "type", "COMPANY", "regionCode", "KZ-75",
                "positions", Collections.nCopies(501, Map.of("title", "Rifleman")))), "positions", 500);
        refused(admin.postJson("/api/units/" + unit + "/positions", Map.of("title", "Medic",
                "requiredQualifications", Collections.nCopies(51, "first_aid"))), "requiredQualifications", 50);
        refused(admin.putJson("/api/units/" + unit + "/equipment", Map.of("lines",
                Collections.nCopies(201, Map.of("type", "RADIO", "authorised", 1, "onHand", 1, "serviceable", 1)))),
                "lines", 200);
        Map<String, Object> event = new HashMap<>();
        event.put("unitId", unit);
        event.put("title", "Too many awards");
        event.put("activityType", "CLASSROOM");
        event.put("startsAt", Instant.now().plusSeconds(86_400).toString());
        event.put("endsAt", Instant.now().plusSeconds(90_000).toString());
        event.put("awards", Collections.nCopies(51, "first_aid"));
        refused(admin.postJson("/api/training/events", event), "awards", 50);

        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Шектеулі");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        long member = admin.postJson("/api/members", m).json().get("id").asLong();
        ApiClient medic = ApiClient.newUser(port, "MEDICAL_OFFICER", "KZ-75", null);
        refused(medic.postJson("/api/members/" + member + "/medical/profiles", Map.of("restrictions",
                Collections.nCopies(100, "NO_RUNNING"), "reason", "x", "startsOn", "2026-01-01", "endsOn", "2026-02-01")),
                "restrictions", 12);

        Map<String, Object> assessment = new HashMap<>();
        assessment.put("activityKind", "OTHER");
        assessment.put("title", "Too many hazards");
        assessment.put("unitId", unit);
        assessment.put("hazards", Collections.nCopies(101, Map.of("hazard", "x", "probability", "A", "severity", "I")));
        refused(admin.postJson("/api/risk-assessments", assessment), "hazards", 100);

        refused(admin.postJson("/api/users", Map.of("username", "rll-" + UUID.randomUUID().toString().substring(0, 8),
                "password", "list-limits-secret-pass", "displayName", "Many grants", "language", "en",
                "grants", Collections.nCopies(51, Map.of("role", "AUDITOR", "scope", "KZ")))), "grants", 50);
    }
}
