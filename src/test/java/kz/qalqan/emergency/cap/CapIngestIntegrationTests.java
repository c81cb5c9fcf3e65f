package kz.qalqan.emergency.cap;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CapIngestIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient admin() {
        return ApiClient.admin(port);
    }

    private static String id() {
        return "QQ-TEST-" + UUID.randomUUID();
    }

    /** A flood alert for part of Atyrau region: a polygon, a circle and the region's ISO 3166-2 geocode. */
    static String floodAlert(String identifier, String status) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>kazhydromet@meteo.kz</sender>
                  <sent>2026-04-02T06:00:00+05:00</sent>
                  <status>%s</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info>
                    <language>ru-KZ</language>
                    <category>Met</category>
                    <event>Паводок</event>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Likely</certainty>
                    <headline>Паводок на реке Урал у Атырау</headline>
                    <description>Уровень воды в реке Урал поднимается.</description>
                    <instruction>Будьте готовы к эвакуации.</instruction>
                    <area>
                      <areaDesc>Атырау и окрестности</areaDesc>
                      <polygon>47.00,51.70 47.20,51.70 47.20,52.05 47.00,52.05 47.00,51.70</polygon>
                      <circle>47.1167,51.8833 15</circle>
                      <geocode><valueName>ISO3166-2</valueName><value>KZ-23</value></geocode>
                    </area>
                  </info>
                  <info>
                    <language>en-US</language>
                    <category>Met</category>
                    <event>Flood</event>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Likely</certainty>
                    <headline>Flood on the Ural river at Atyrau</headline>
                    <area><areaDesc>Atyrau</areaDesc><geocode><valueName>ISO3166-2</valueName><value>KZ-23</value></geocode></area>
                  </info>
                </alert>
                """.formatted(identifier, status);
    }

    static String reference(String identifier) {
        return "kazhydromet@meteo.kz," + identifier + ",2026-04-02T06:00:00+05:00";
    }

    private static String update(String identifier, String references) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>kazhydromet@meteo.kz</sender>
                  <sent>2026-04-02T09:00:00+05:00</sent>
                  <status>Actual</status>
                  <msgType>Update</msgType>
                  <scope>Public</scope>
                  <references>%s</references>
                  <info>
                    <category>Met</category>
                    <event>Flood</event>
                    <urgency>Immediate</urgency>
                    <severity>Extreme</severity>
                    <certainty>Observed</certainty>
                    <headline>Flood at Atyrau: dykes breached</headline>
                    <description>Water over the dykes on the left bank.</description>
                  </info>
                </alert>
                """.formatted(identifier, references);
    }

    private static String cancel(String identifier, String references, String why) {
        return cancel(identifier, references, why, null);
    }

    private static String cancel(String identifier, String references, String why, String note) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>kazhydromet@meteo.kz</sender>
                  <sent>2026-04-02T12:00:00+05:00</sent>
                  <status>Actual</status>
                  <msgType>Cancel</msgType>
                  <scope>Public</scope>%s
                  <references>%s</references>
                  <info>
                    <category>Met</category>
                    <event>Flood</event>
                    <urgency>Past</urgency>
                    <severity>Minor</severity>
                    <certainty>Observed</certainty>
                    <description>%s</description>
                  </info>
                </alert>
                """.formatted(identifier, note == null ? "" : "\n  <note>" + note + "</note>", references, why);
    }

    private ApiClient.Response post(ApiClient as, String xml) {
        return as.post("/api/cap", "application/cap+xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private long stored(String identifier) {
        return jdbc.sql("select count(*) from emergency.cap_message where identifier = ?").param(identifier)
                .query(Long.class).single();
    }

    @Test
    void anAlertDeclaresAnEmergencyWithItsTypeSeverityAndArea() {
        String identifier = id();
        var r = post(admin(), floodAlert(identifier, "Actual"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("outcome").asString()).isEqualTo("DECLARED");
        long emergency = r.json().get("emergencyId").asLong();
        assertThat(r.location()).endsWith("/api/emergencies/" + emergency);

        JsonNode e = admin().get("/api/emergencies/" + emergency).json();
        assertThat(e.get("type").asString()).isEqualTo("FLOOD");
        assertThat(e.get("severity").asString()).isEqualTo("SEVERE");
        assertThat(e.get("exercise").asBoolean()).isFalse();
        assertThat(e.get("title").asString()).isEqualTo("Паводок на реке Урал у Атырау"); // the Russian block: no Kazakh one
        assertThat(e.get("description").asString()).contains("Урал поднимается").contains("эвакуации");
        assertThat(e.get("orgPath").asString()).isEqualTo("KZ-23/");
        assertThat(e.get("capSender").asString()).isEqualTo("kazhydromet@meteo.kz");
        assertThat(e.get("capIdentifier").asString()).isEqualTo(identifier);
        JsonNode area = e.get("area");
        assertThat(area.get("polygons")).hasSize(1);
        assertThat(area.get("polygons").get(0)).hasSize(5);
        assertThat(area.get("polygons").get(0).get(1).get("lat").asDouble()).isEqualTo(47.20);
        assertThat(area.get("circles")).hasSize(1);
        assertThat(area.get("circles").get(0).get("radiusKm").asDouble()).isEqualTo(15.0);
        assertThat(area.get("regionCodes")).hasSize(1);
        assertThat(area.get("regionCodes").get(0).asString()).isEqualTo("KZ-23");

        Map<String, Object> row = jdbc.sql("""
                        select msg_type, status, outcome, emergency_id, raw_bytes, raw_xml like '%%Паводок%%' as raw
                        from emergency.cap_message where identifier = ?""")
                .param(identifier).query().singleRow();
        assertThat(row).containsEntry("msg_type", "Alert").containsEntry("status", "Actual")
                .containsEntry("outcome", "DECLARED").containsEntry("emergency_id", emergency).containsEntry("raw", true);
    }

    @Test
    void anExerciseAlertDeclaresAnExercise() {
        var r = post(admin(), floodAlert(id(), "Exercise"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(admin().get("/api/emergencies/" + r.json().get("emergencyId").asLong()).json().get("exercise").asBoolean())
                .isTrue();
    }

    @Test
    void aRepeatOfTheSameMessageChangesNothing() {
        String identifier = id();
        long emergency = post(admin(), floodAlert(identifier, "Actual")).json().get("emergencyId").asLong();

        var again = post(admin(), floodAlert(identifier, "Actual"));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("emergencyId").asLong()).isEqualTo(emergency);
        assertThat(jdbc.sql("select count(*) from emergency.emergency where cap_identifier = ?").param(identifier)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(stored(identifier)).isEqualTo(1);
    }

    @Test
    void anUpdateRevisesAndACancelCancelsTheEmergencyTheyReference() {
        String alert = id();
        long emergency = post(admin(), floodAlert(alert, "Actual")).json().get("emergencyId").asLong();

        String updateId = id();
        var updated = post(admin(), update(updateId, reference(alert)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("outcome").asString()).isEqualTo("UPDATED");
        assertThat(updated.json().get("emergencyId").asLong()).isEqualTo(emergency);
        JsonNode e = admin().get("/api/emergencies/" + emergency).json();
        assertThat(e.get("severity").asString()).isEqualTo("EXTREME");
        assertThat(e.get("title").asString()).isEqualTo("Flood at Atyrau: dykes breached");
        assertThat(e.get("description").asString()).isEqualTo("Water over the dykes on the left bank.");
        // the update names no area: the emergency keeps its own
        assertThat(e.get("area").get("polygons")).hasSize(1);
        assertThat(e.get("area").get("regionCodes").get(0).asString()).isEqualTo("KZ-23");

        // a cancel may reference the update (the chain leads to the same emergency)
        var cancelled = post(admin(), cancel(id(), "kazhydromet@meteo.kz," + updateId + ",2026-04-02T09:00:00+05:00",
                "Water is going down; no threat remains."));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("outcome").asString()).isEqualTo("CANCELLED");
        e = admin().get("/api/emergencies/" + emergency).json();
        assertThat(e.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(e.get("statusReason").asString()).isEqualTo("Water is going down; no threat remains.");

        // the note, when there is one, is the reason
        String other = id();
        long second = post(admin(), floodAlert(other, "Actual")).json().get("emergencyId").asLong();
        var noted = post(admin(), cancel(id(), reference(other), "Description", "Issued in error &amp; withdrawn"));
        assertThat(noted.status()).as(noted.toString()).isEqualTo(200);
        assertThat(admin().get("/api/emergencies/" + second).json().get("statusReason").asString())
                .isEqualTo("Issued in error & withdrawn");
    }

    @Test
    void anUpdateOfAnUnknownAlertIsRefusedWithTheReason() throws IOException {
        String unknown = id();
        var r = post(admin(), update(id(), reference(unknown)));

        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("cap.references.unknown");
        assertThat(r.body()).contains(unknown);
        assertThat(r.json().get("args").get(1).asString()).isEqualTo(unknown);

        // an update that names no message at all: a rule of the alert, coded, said in the reader's language
        var none = post(admin(), update(id(), ""));
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("references");
        assertThat(none.json().get("errors").get(0).get("code").asString()).isEqualTo("cap.references.missingForUpdate");
        assertThat(none.json().get("detail").asString()).doesNotContain("must name the message");

        // real agencies' updates and cancels of alerts Qalqan never received
        for (String sample : new String[]{"examples/a3-earthquake-report-update.xml", "real-world/ntwc-tsunami-cancellation-update.xml",
                "real-world/ipaws-nevada-cancel-signed.xml", "real-world/smn-mexico-tropical-storm-update.xml"}) {
            var real = admin().post("/api/cap", "application/xml", sample(sample, id()));
            assertThat(real.status()).as(sample + ": " + real).isEqualTo(409);
            assertThat(real.body()).as(sample).contains("references");
        }
    }

    @Test
    void testDraftAndSystemMessagesAreNotActedUponNorStored() throws IOException {
        for (String status : new String[]{"Test", "Draft", "System"}) {
            String identifier = id();
            var r = post(admin(), floodAlert(identifier, status));

            assertThat(r.status()).as(r.toString()).isEqualTo(202);
            assertThat(r.json().get("outcome").asString()).isEqualTo("NOT_ACTED_UPON");
            assertThat(stored(identifier)).isZero();
            assertThat(jdbc.sql("select count(*) from emergency.emergency where cap_identifier = ?").param(identifier)
                    .query(Long.class).single()).isZero();
        }
        String pagasa = id();
        var real = admin().post("/api/cap", "application/xml", sample("real-world/pagasa-philippines-tropical-cyclone-test-signed.xml", pagasa));
        assertThat(real.status()).as(real.toString()).isEqualTo(202);
        assertThat(stored(pagasa)).isZero();
    }

    @Test
    void anAcknowledgementIsRecordedOnly() {
        String alert = id();
        long emergency = post(admin(), floodAlert(alert, "Actual")).json().get("emergencyId").asLong();
        String ack = id();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier><sender>kazhydromet@meteo.kz</sender><sent>2026-04-02T06:05:00+05:00</sent>
                  <status>Actual</status><msgType>Ack</msgType><scope>Public</scope><references>%s</references>
                </alert>
                """.formatted(ack, reference(alert));

        var r = post(admin(), xml);

        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.json().get("outcome").asString()).isEqualTo("RECORDED");
        assertThat(r.json().get("emergencyId").asLong()).isEqualTo(emergency);
        assertThat(stored(ack)).isEqualTo(1);
        assertThat(admin().get("/api/emergencies/" + emergency).json().get("status").asString()).isEqualTo("ACTIVE");
    }

    /**
     * Real agencies' alerts for places abroad (an Icelandic wind warning, a US thunderstorm, an Australian bush fire and
     * others) are recorded, so a repeat is known, but not acted upon: no emergency is declared for a Kazakh region.
     */
    @Test
    void foreignAlertsAreRecordedButNotActedUponWithTheReason() throws IOException {
        for (String sample : List.of("real-world/imo-iceland-wind-warning.xml", "examples/a2-severe-thunderstorm-warning.xml",
                "real-world/nsw-rfs-australia-structure-fire.xml", "real-world/sma-seychelles-strong-winds-signed.xml",
                "real-world/usgs-earthquake-iso8859-1-signed.xml", "real-world/ipaws-montgomery-md-local-area-emergency.xml")) {
            String identifier = id();
            long emergenciesBefore = jdbc.sql("select count(*) from emergency.emergency").query(Long.class).single();

            var r = admin().post("/api/cap", "application/cap+xml", sample(sample, identifier));

            assertThat(r.status()).as(sample + ": " + r).isEqualTo(202);
            assertThat(r.json().get("outcome").asString()).as(sample).isEqualTo("NOT_ACTED_UPON");
            assertThat(r.json().get("reasonCode").asString()).as(sample).isEqualTo("cap.notActedUpon.outsideKazakhstan");
            assertThat(r.json().get("emergencyId").isNull()).as(sample).isTrue();
            assertThat(stored(identifier)).as(sample).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from emergency.emergency").query(Long.class).single())
                    .as(sample).isEqualTo(emergenciesBefore);
            var again = admin().post("/api/cap", "application/cap+xml", sample(sample, identifier));
            assertThat(again.json().get("outcome").asString()).as(sample).isEqualTo("DUPLICATE");
        }
        // an alert with no place Qalqan can map (only foreign geocodes) is refused naming the area
        var amber = admin().post("/api/cap", "application/cap+xml", sample("examples/a4-amber-alert.xml", id()));
        assertThat(amber.status()).as(amber.toString()).isEqualTo(400);
        assertThat(amber.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
        // the invalid real message is refused naming the problem, in our words and not the XML parser's
        var invalid = admin().post("/api/cap", "text/xml", sample("real-world/invalid-krisinformation-sweden-vma.xml", id()));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("cap");
        assertThat(invalid.body()).contains("senderName").doesNotContain("cvc-").doesNotContain("urn:oasis");
    }

    /** An alert over the Kyrgyz border south of Almaty is declared over its part in Kazakhstan only. */
    @Test
    void anAlertAcrossTheBorderIsDeclaredOverItsPartInKazakhstan() {
        String xml = floodAlert(id(), "Actual")
                .replace("<polygon>47.00,51.70 47.20,51.70 47.20,52.05 47.00,52.05 47.00,51.70</polygon>",
                        "<polygon>42.20,76.60 43.40,76.60 43.40,77.20 42.20,77.20 42.20,76.60</polygon>")
                .replace("<circle>47.1167,51.8833 15</circle>", "")
                .replace("<geocode><valueName>ISO3166-2</valueName><value>KZ-23</value></geocode>", "");

        var r = post(admin(), xml);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("detail").asString()).contains("part of the area in Kazakhstan");
        JsonNode area = admin().get("/api/emergencies/" + r.json().get("emergencyId").asLong()).json().get("area");
        assertThat(area.get("polygons").size()).isPositive();
        double south = 90;
        double north = -90;
        for (JsonNode ring : area.get("polygons")) {
            for (JsonNode point : ring) {
                south = Math.min(south, point.get("lat").asDouble());
                north = Math.max(north, point.get("lat").asDouble());
            }
        }
        // the border runs at about 42.9° N here; Kyrgyzstan's part (42.2° N and south of the border) is gone
        assertThat(south).isGreaterThan(42.6);
        assertThat(north).isCloseTo(43.4, org.assertj.core.data.Offset.offset(0.01));
    }

    /** An alert wholly inside one region is declared as sent, owned by that region. */
    @Test
    void anAlertInsideKazakhstanIsDeclaredAsSentAndOwnedByItsRegion() {
        String xml = floodAlert(id(), "Actual")
                .replace("<geocode><valueName>ISO3166-2</valueName><value>KZ-23</value></geocode>", "");

        var r = post(admin(), xml);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("detail").asString()).doesNotContain("part of the area");
        JsonNode e = admin().get("/api/emergencies/" + r.json().get("emergencyId").asLong()).json();
        assertThat(e.get("area").get("polygons").get(0).size()).isEqualTo(5);
        assertThat(e.get("area").get("circles").size()).isEqualTo(1);
        assertThat(e.toString()).contains("KZ-23");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefusedAndNothingIsStored() {
        String identifier = id();
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + floodAlert(identifier, "Actual").substring(floodAlert(identifier, "Actual").indexOf("<alert"))
                .replace("<description>Уровень", "<description>&xxe; Уровень");
        var r = post(admin(), xxe);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("cap");
        assertThat(r.body()).doesNotContain("root:");

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>" + identifier + "</identifier>"
                + "<sender>&lol4;</sender></alert>";
        var bomb = post(admin(), laughs);
        assertThat(bomb.status()).as(bomb.toString()).isEqualTo(400);
        assertThat(bomb.json().get("errors").get(0).get("message").asString()).contains("DOCTYPE");

        byte[] huge = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        var tooBig = admin().post("/api/cap", "application/xml", huge);
        assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(413);
        assertThat(tooBig.json().get("code").asString()).isEqualTo("request.tooLarge");
        assertThat(stored(identifier)).isZero();
    }

    @Test
    void onlyCoordinatorsOverTheAreaSendCapIn() {
        String identifier = id();
        var commander = post(ApiClient.newUser(port, "COMMANDER", "KZ-23", null), floodAlert(identifier, "Actual"));
        assertThat(commander.status()).as(commander.toString()).isEqualTo(403);

        var elsewhere = post(ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-75", null), floodAlert(identifier, "Actual"));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(403);
        assertThat(stored(identifier)).isZero();

        var coordinator = post(ApiClient.newUser(port, "EMERGENCY_COORDINATOR", "KZ-23", null), floodAlert(identifier, "Actual"));
        assertThat(coordinator.status()).as(coordinator.toString()).isEqualTo(201);
        assertThat(stored(identifier)).isEqualTo(1);
    }

    /** A sample message from src/test/resources/cap with its identifier replaced (so a rerun is a new message). */
    static byte[] sample(String name, String identifier) throws IOException {
        byte[] bytes;
        try (InputStream in = CapIngestIntegrationTests.class.getResourceAsStream("/cap/" + name)) {
            bytes = in.readAllBytes();
        }
        // ISO-8859-1 maps bytes one to one, so the rest of the message (and its encoding) is untouched
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String replaced = text.replaceFirst("(<(?:\\w+:)?identifier>)[^<]*(</)", "$1" + identifier + "$2");
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }
}
