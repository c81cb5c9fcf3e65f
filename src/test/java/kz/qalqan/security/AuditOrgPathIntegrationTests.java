package kz.qalqan.security;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 6: every audit event carries the org path of what it touched, so that a regional auditor sees the
 * exports, searches and message sends made in the region. A typical journey of regional staff in Atyrau (KZ-23) —
 * members, positions, searches, exports, messages, an emergency with its call-up and tasking reads, an incident and
 * injury surveillance, the audit trail itself — leaves no event without an org path. Only account events of the
 * identity module (users, tokens, sign-ins: accounts are not in the org tree) are national and may have none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditOrgPathIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String tag;

    private ApiClient user(String role, String scope) {
        String username = "aop-" + role.toLowerCase().replace('_', '-') + "-" + tag;
        String password = "audit-path-secret-" + tag;
        var r = ApiClient.admin(port).postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "Audit path " + role, "language", "en", "grants", List.of(Map.of("role", role, "scope", scope))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new ApiClient(port, username, password);
    }

    private static JsonNode ok(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.body().isEmpty() || !r.contentType().contains("json") ? null : r.json();
    }

    @Test
    void aTypicalJourneyLeavesNoAuditEventWithoutAnOrgPath() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        ApiClient commander = user("COMMANDER", "KZ-23");
        ApiClient coordinator = user("EMERGENCY_COORDINATOR", "KZ-23");
        ApiClient safety = user("SAFETY_OFFICER", "KZ-23");
        ApiClient auditor = user("AUDITOR", "KZ-23");

        long unit = ok(commander.postJson("/api/units", Map.of("code", "AOP-" + tag, "name", "Audit path platoon",
                "type", "PLATOON", "regionCode", "KZ-23")), 201).get("id").asLong();
        ok(commander.postJson("/api/units/" + unit + "/positions", Map.of("title", "Rifleman")), 201);
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Аудитов");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-23");
        m.put("unitId", unit);
        m.put("email", "aop-" + tag + "@example.kz");
        m.put("lat", 47.1);
        m.put("lon", 51.9);
        long member = ok(commander.postJson("/api/members", m), 201).get("id").asLong();
        ok(commander.get("/api/members?region=KZ-23"), 200);
        ok(commander.get("/api/members/export.csv?region=KZ-23"), 200);
        ok(commander.get("/api/readiness/export.csv?node=KZ-23"), 200);
        String correlation = ok(commander.postJson("/api/notifications", Map.of("templateKey", "callup",
                "parameters", Map.of("title", "x", "place", "y", "time", "z"), "channels", List.of("EMAIL"),
                "idempotencyKey", "aop-" + tag, "correlationId", "aop-" + tag, "expectsReply", true,
                "memberIds", List.of(member))), 202).get("correlationId").asString();
        ok(commander.get("/api/notifications?correlation=" + correlation), 200);
        ok(commander.get("/api/notifications/summary?correlation=" + correlation), 200);
        ok(commander.get("/api/notifications/silent?correlation=" + correlation), 200);

        long emergency = ok(coordinator.postJson("/api/emergencies", Map.of("title", "Audit path flood " + tag,
                "type", "FLOOD", "severity", "MINOR", "exercise", true,
                "area", Map.of("regionCodes", List.of("KZ-23")))), 201).get("id").asLong();
        ok(coordinator.get("/api/emergencies"), 200);
        ok(coordinator.get("/api/emergencies/" + emergency + "/callup"), 200);
        ok(coordinator.get("/api/emergencies/" + emergency + "/checkins"), 200);
        ok(coordinator.get("/api/emergencies/" + emergency + "/shifts"), 200);
        ok(coordinator.get("/api/emergencies/" + emergency + "/left-behind"), 200);

        ok(safety.postJson("/api/incidents", Map.of("kind", "INJURY", "occurredAt", Instant.now().minusSeconds(3600).toString(),
                "unitId", unit, "description", "Twisted ankle", "cause", "FALL", "bodyRegion", "ANKLE",
                "activityType", "ROAD_MARCH", "outcome", "FIRST_AID")), 201);
        ok(safety.get("/api/incidents"), 200);
        ok(safety.get("/api/injury-surveillance"), 200);
        ok(safety.get("/api/injury-surveillance/export.csv"), 200);

        ok(auditor.get("/api/audit?limit=10"), 200);
        ok(auditor.get("/api/audit/export.csv?actor=aop-commander-" + tag), 200);

        List<String> withoutPath = jdbc.sql("""
                        select action from audit.event where actor like ? and org_path is null
                        and action not like 'USER\\_%' and action not like 'TOKEN\\_%' and action not like 'SIGN\\_IN%'
                        order by seq""")
                .param("aop-%-" + tag).query(String.class).list();
        assertThat(withoutPath).as("audit events of the journey without an org path").isEmpty();

        // the regional auditor sees the region's exports and message sends
        JsonNode seen = ok(auditor.get("/api/audit?actor=aop-commander-" + tag + "&limit=200"), 200);
        List<String> actions = new java.util.ArrayList<>();
        seen.get("items").forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("MEMBER_EXPORT", "MEMBER_SEARCH", "NOTIFICATION_ENQUEUE", "NOTIFICATION_READ",
                "MEMBER_CONTACTS_READ", "READINESS_EXPORT");
    }
}
