package kz.qalqan.emergency;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmergenciesIntegrationTests {

    @LocalServerPort
    int port;

    private static Map<String, Object> flood(Map<String, Object> area) {
        return Map.of("title", "Жайық өзенінің тасуы", "type", "FLOOD", "severity", "SEVERE", "area", area);
    }

    private static Map<String, Object> circle(double lat, double lon, double km) {
        return Map.of("circles", List.of(Map.of("center", Map.of("lat", lat, "lon", lon), "radiusKm", km)));
    }

    @Test
    void aRegionalCoordinatorDeclaresInTheirRegionOnlyAndTheLifecycleIsEnforced() {
        ApiClient atyrau = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-23", null);
        // a circle around Atyrau city belongs to Atyrau region
        ApiClient.Response declared = atyrau.postJson("/api/emergencies", flood(circle(47.1, 51.9, 20)));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        long id = declared.json().get("id").asLong();
        assertThat(declared.json().get("orgPath").asString()).isEqualTo("KZ-23/");
        assertThat(declared.json().get("status").asString()).isEqualTo("ACTIVE");

        // not in Astana, and not an area spanning two regions
        assertThat(atyrau.postJson("/api/emergencies", flood(circle(51.17, 71.45, 5))).status()).isEqualTo(403);
        assertThat(atyrau.postJson("/api/emergencies", flood(Map.of("regionCodes", List.of("KZ-23", "KZ-27")))).status())
                .isEqualTo(403);

        // a commander over the region watches it but cannot change it; someone in Astana does not see it
        ApiClient commander = ApiClient.newUser(port, "COMMANDER", "KZ-23", null);
        assertThat(commander.get("/api/emergencies/" + id).status()).isEqualTo(200);
        assertThat(commander.postJson("/api/emergencies/" + id + "/status", Map.of("status", "STOOD_DOWN")).status()).isEqualTo(403);
        ApiClient astana = ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-71", null);
        assertThat(astana.get("/api/emergencies/" + id).status()).isEqualTo(404);
        assertThat(astana.get("/api/emergencies").body()).doesNotContain("\"id\":" + id + ",");

        // cancelling needs a reason; a cancelled emergency is final
        ApiClient.Response noReason = atyrau.postJson("/api/emergencies/" + id + "/status", Map.of("status", "CANCELLED"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(atyrau.postJson("/api/emergencies/" + id + "/status", Map.of("status", "STOOD_DOWN")).status()).isEqualTo(200);
        assertThat(atyrau.postJson("/api/emergencies/" + id + "/status", Map.of("status", "CLOSED")).status()).isEqualTo(200);
        ApiClient.Response reopen = atyrau.postJson("/api/emergencies/" + id + "/status", Map.of("status", "ACTIVE"));
        assertThat(reopen.status()).isEqualTo(409);
        assertThat(atyrau.get("/api/emergencies/" + id).json().get("closedAt").isNull()).isFalse();
    }

    @Test
    void aNationalEmergencyIsSeenInEveryRegionAndBadAreasAreNamed() {
        ApiClient admin = ApiClient.admin(port);
        ApiClient.Response national = admin.postJson("/api/emergencies",
                flood(Map.of("regionCodes", List.of("KZ-23", "KZ-27"))));
        assertThat(national.status()).isEqualTo(201);
        assertThat(national.json().get("orgPath").asString()).isEmpty();
        long id = national.json().get("id").asLong();
        ApiClient regional = ApiClient.newUser(port, "SAFETY_OFFICER", "KZ-27", null);
        assertThat(regional.get("/api/emergencies/" + id).status()).isEqualTo(200);
        assertThat(ApiClient.newUser(port, "TRAINING_OFFICER", "KZ-27", null).get("/api/emergencies/" + id).status())
                .isEqualTo(404);

        ApiClient.Response open = admin.postJson("/api/emergencies", flood(Map.of("polygons",
                List.of(List.of(Map.of("lat", 47.0, "lon", 51.0), Map.of("lat", 47.5, "lon", 51.0), Map.of("lat", 47.5, "lon", 52.0))))));
        assertThat(open.status()).isEqualTo(400);
        assertThat(open.body()).contains("area.polygons[0]");
        ApiClient.Response unknown = admin.postJson("/api/emergencies", flood(Map.of("regionCodes", List.of("KZ-99"))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("code").asString()).isEqualTo("emergency.area.regionUnknown");
        assertThat(unknown.json().get("errors").get(0).get("args").get(0).asString()).isEqualTo("KZ-99");
    }
}
