package kz.qalqan.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clears a training event to start the way a unit does it: the admin prepares and submits a LOW-risk
 * assessment of it and a national commander (a different person) approves it.
 */
public final class RiskClearances {

    private RiskClearances() {
    }

    /** The assessment id; the event may start once this returns. */
    public static long approve(int port, long eventId, long unitId) {
        ApiClient admin = ApiClient.admin(port);
        String today = LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
        Map<String, Object> a = new HashMap<>();
        a.put("activityKind", "TRAINING_EVENT");
        a.put("activityId", eventId);
        a.put("title", "Training event " + eventId);
        a.put("unitId", unitId);
        a.put("activityType", "CLASSROOM");
        a.put("workIntensity", "EASY");
        a.put("beginsOn", today);
        a.put("endsOn", today);
        a.put("supervisionPlan", "Instructor present throughout");
        a.put("hazards", List.of(Map.of("hazard", "Trips on cables in the classroom", "probability", "D", "severity", "IV",
                "controls", List.of(Map.of("control", "Cables taped down", "how", "Before the session", "who", "Instructor")))));
        ApiClient.Response created = admin.postJson("/api/risk-assessments", a);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        ApiClient.Response submitted = admin.postJson("/api/risk-assessments/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        ApiClient.Response approved = commander(port, admin).postJson("/api/risk-assessments/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return id;
    }

    private static ApiClient commander(int port, ApiClient admin) {
        String username = "rc-commander-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "clearance-secret-pass-" + username;
        ApiClient.Response r = admin.postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "National commander", "language", "en", "grants", List.of(Map.of("role", "COMMANDER", "scope", "KZ"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new ApiClient(port, username, password);
    }
}
