package kz.qalqan.emergency.cap;

import kz.qalqan.emergency.CapAlert;
import kz.qalqan.emergency.CapArea;
import kz.qalqan.emergency.CapInfo;
import kz.qalqan.emergency.CapParser;
import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Qalqan's own CAP messages are valid CAP 1.2 (read back by the schema-validating parser) and reference each other. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapExportIntegrationTests {

    private final CapParser parser = new CapParser();

    @LocalServerPort
    int port;

    private ApiClient admin() {
        return ApiClient.admin(port);
    }

    private long declare(boolean exercise) {
        Map<String, Object> area = Map.of(
                "polygons", List.of(List.of(Map.of("lat", 47.0, "lon", 51.7), Map.of("lat", 47.2, "lon", 51.7),
                        Map.of("lat", 47.2, "lon", 52.05), Map.of("lat", 47.0, "lon", 51.7))),
                "circles", List.of(Map.of("center", Map.of("lat", 47.1167, "lon", 51.8833), "radiusKm", 12.5)),
                "regionCodes", List.of("KZ-23"));
        var r = admin().postJson("/api/emergencies", Map.of("title", "Су тасқыны <Жайық> & Атырау", "type", "FLOOD",
                "severity", "SEVERE", "exercise", exercise, "area", area));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private CapAlert cap(long id, String query) {
        var r = admin().get("/api/emergencies/" + id + "/cap" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/cap+xml");
        // the parser validates against the bundled OASIS CAP 1.2 schema and refuses anything else
        return parser.parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCallUpIsAValidRestrictedCap12AlertWithTheEmergencysArea() {
        long id = declare(false);

        CapAlert alert = cap(id, "");

        assertThat(alert.identifier()).isEqualTo("QALQAN-E" + id + "-CALLUP");
        assertThat(alert.msgType()).isEqualTo(CapAlert.MsgType.Alert);
        assertThat(alert.status()).isEqualTo(CapAlert.Status.Actual);
        assertThat(alert.scope()).isEqualTo(CapAlert.Scope.Restricted);
        assertThat(alert.restriction()).isNotBlank();
        assertThat(alert.sent().getOffset().getTotalSeconds()).isEqualTo(5 * 3600); // Kazakhstan time, as CAP wants
        assertThat(alert.infos()).extracting(CapInfo::language).containsExactly("kk-KZ", "ru-KZ", "en-US");
        CapInfo en = alert.infos().get(2);
        assertThat(en.categories()).containsExactly(CapInfo.Category.Rescue, CapInfo.Category.Safety);
        assertThat(en.event()).isEqualTo("Flood");
        assertThat(en.severity()).isEqualTo("Severe");
        assertThat(en.urgency()).isEqualTo("Immediate");
        assertThat(en.headline()).isEqualTo("Call-up: Су тасқыны <Жайық> & Атырау");
        assertThat(alert.infos().get(0).event()).isEqualTo("Су тасқыны");
        assertThat(alert.infos().get(1).headline()).startsWith("Вызов: ");
        CapArea area = en.areas().get(0);
        assertThat(area.polygons()).hasSize(1);
        assertThat(area.polygons().get(0)).hasSize(4).first().isEqualTo(new CapArea.Point(47.0, 51.7));
        assertThat(area.circles()).containsExactly(new CapArea.Circle(new CapArea.Point(47.1167, 51.8833), 12.5));
        assertThat(area.geocodes()).containsExactly(new CapArea.Geocode("ISO3166-2", "KZ-23"));
    }

    @Test
    void afterStandDownTheAllClearUpdatesTheCallUpAndReferencesIt() {
        long id = declare(true);
        CapAlert callUp = cap(id, "");
        assertThat(callUp.status()).isEqualTo(CapAlert.Status.Exercise);

        var stood = admin().postJson("/api/emergencies/" + id + "/status", Map.of("status", "STOOD_DOWN"));
        assertThat(stood.status()).as(stood.toString()).isEqualTo(200);
        CapAlert allClear = cap(id, "");

        assertThat(allClear.msgType()).isEqualTo(CapAlert.MsgType.Update);
        assertThat(allClear.identifier()).isEqualTo("QALQAN-E" + id + "-ALLCLEAR");
        assertThat(allClear.status()).isEqualTo(CapAlert.Status.Exercise);
        assertThat(allClear.references()).containsExactly(
                new CapAlert.Reference(callUp.sender(), callUp.identifier(), callUp.sent()));
        assertThat(allClear.sent()).isAfterOrEqualTo(callUp.sent());
        assertThat(allClear.infos().get(2).headline()).startsWith("All clear: ");
        assertThat(allClear.infos().get(2).urgency()).isEqualTo("Past");
        // the call-up itself stays available
        assertThat(cap(id, "?message=callup").identifier()).isEqualTo(callUp.identifier());
    }

    @Test
    void aCancelledEmergencyGetsACapCancelReferencingTheCallUp() {
        long id = declare(false);
        CapAlert callUp = cap(id, "");
        admin().postJson("/api/emergencies/" + id + "/status", Map.of("status", "CANCELLED", "reason", "False alarm"));

        CapAlert cancel = cap(id, "");

        assertThat(cancel.msgType()).isEqualTo(CapAlert.MsgType.Cancel);
        assertThat(cancel.references()).extracting(CapAlert.Reference::identifier).containsExactly(callUp.identifier());
    }

    @Test
    void theCallUpRoundTripsThroughCapIn() {
        long id = declare(false);
        var xml = admin().get("/api/emergencies/" + id + "/cap").body();

        var r = admin().post("/api/cap", "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var copy = admin().get("/api/emergencies/" + r.json().get("emergencyId").asLong()).json();
        assertThat(copy.get("type").asString()).isEqualTo("FLOOD");
        assertThat(copy.get("area").get("regionCodes").get(0).asString()).isEqualTo("KZ-23");
        assertThat(copy.get("title").asString()).isEqualTo("Шақыру: Су тасқыны <Жайық> & Атырау");
    }

    @Test
    void watchersOnlyAndNotOutsideTheirScope() {
        long id = declare(false);
        assertThat(ApiClient.newUser(port, "SAFETY_OFFICER", "KZ-23", null).get("/api/emergencies/" + id + "/cap").status())
                .isEqualTo(200);
        assertThat(ApiClient.newUser(port, "TRAINING_OFFICER", "KZ-23", null).get("/api/emergencies/" + id + "/cap").status())
                .isEqualTo(404);
        assertThat(ApiClient.newUser(port, "COMMANDER", "KZ-75", null).get("/api/emergencies/" + id + "/cap").status())
                .isEqualTo(404);
    }
}
