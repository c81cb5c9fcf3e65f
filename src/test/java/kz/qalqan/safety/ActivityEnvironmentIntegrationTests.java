package kz.qalqan.safety;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.RiskClearances;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Weather pushed for a training event: the heat and cold rules, and what they do to its risk assessment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityEnvironmentIntegrationTests {

    @LocalServerPort
    int port;

    private long unit(ApiClient admin) {
        ApiClient.Response r = admin.postJson("/api/units", Map.of("code", "ENV-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Шымкент взводы", "type", "PLATOON", "regionCode", "KZ-79"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long roadMarch(ApiClient admin, long unitId, Instant start) {
        Map<String, Object> e = new HashMap<>();
        e.put("unitId", unitId);
        e.put("title", "Жаяу марш 20 км");
        e.put("activityType", "ROAD_MARCH");
        e.put("intensity", "MODERATE");
        e.put("startsAt", start.toString());
        e.put("endsAt", start.plus(Duration.ofHours(6)).toString());
        e.put("regionCode", "KZ-79");
        e.put("capacity", 40);
        e.put("awards", List.of());
        ApiClient.Response r = admin.postJson("/api/training/events", e);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private ApiClient user(ApiClient admin, String role, String scope) {
        return ApiClient.newUser(port, role, scope, null);
    }

    @Test
    void aHotReadingAddsTheHeatHazardAndSendsTheApprovedAssessmentBackUntilReapproved() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        long eventId = roadMarch(admin, unitId, start);
        String day = LocalDate.ofInstant(start, RiskAssessments.KAZAKHSTAN).toString();
        long assessmentId = RiskClearances.approve(port, eventId, unitId);
        String clearance = "/api/activities/TRAINING_EVENT/" + eventId + "/clearance";
        assertThat(admin.get(clearance).json().get("cleared").asBoolean()).isTrue();

        ApiClient.Response r = admin.postJson("/api/activities/" + eventId + "/weather", Map.of("day", day, "wbgtC", 31.0));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode w = r.json();
        assertThat(w.get("wbgtF").asDouble()).isEqualTo(87.8);
        assertThat(w.get("heat").get("category").asInt()).isEqualTo(3);
        assertThat(w.get("heat").get("flag").asString()).isEqualTo("YELLOW");
        assertThat(w.get("heat").get("workMinutes").asInt()).isEqualTo(40);
        assertThat(w.get("heat").get("restMinutes").asInt()).isEqualTo(20);
        assertThat(w.get("heat").get("waterQuartsPerHour").asDouble()).isEqualTo(0.75);
        assertThat(w.get("assessment").get("assessmentId").asLong()).isEqualTo(assessmentId);
        assertThat(w.get("assessment").get("overallBefore").asString()).isEqualTo("L");
        assertThat(w.get("assessment").get("overallAfter").asString()).isEqualTo("M");
        assertThat(w.get("assessment").get("backForApproval").asBoolean()).isTrue();

        JsonNode cleared = admin.get(clearance).json();
        assertThat(cleared.get("cleared").asBoolean()).isFalse();
        assertThat(cleared.get("code").asString()).startsWith("safety.clearance.awaits.");
        ApiClient.Response refused = admin.postJson("/api/training/events/" + eventId + "/start", Map.of());
        assertThat(refused.status()).isEqualTo(409);

        JsonNode assessment = admin.get("/api/risk-assessments/" + assessmentId).json();
        JsonNode heat = null;
        for (JsonNode h : assessment.get("hazards")) {
            if ("ENV-HEAT".equals(h.get("hazardCode").asString())) {
                heat = h;
            }
        }
        assertThat(heat).as("the heat hazard in the worksheet").isNotNull();
        assertThat(heat.get("initialRisk").asString()).isEqualTo("H");
        assertThat(heat.get("residualRisk").asString()).isEqualTo("M");
        assertThat(heat.get("controls").get(0).get("control").asString()).contains("40", "20", "0,71 л (0,75 кварта)")
                .doesNotContain("YELLOW");

        ApiClient.Response again = admin.postJson("/api/activities/" + eventId + "/weather", Map.of("day", day, "wbgtF", 87.8));
        assertThat(again.json().get("assessment").get("backForApproval").asBoolean()).as("nothing new").isFalse();
        assertThat(admin.get("/api/activities/" + eventId + "/weather").json().size()).isEqualTo(2);
    }

    @Test
    void coldAndEstimatedReadingsAndTheirRefusals() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        long eventId = roadMarch(admin, unitId, start);
        String day = LocalDate.ofInstant(start, RiskAssessments.KAZAKHSTAN).toString();
        String path = "/api/activities/" + eventId + "/weather";

        JsonNode cold = admin.postJson(path, Map.of("day", day, "airTempC", -20.0, "windKmh", 30.0)).json();
        assertThat(cold.get("windChillC").asDouble()).isEqualTo(-32.6);
        assertThat(cold.get("frostbite").asString()).isEqualTo("HIGH");
        assertThat(cold.get("assessment").get("assessmentId").isNull()).as("no assessment yet").isTrue();

        JsonNode estimated = admin.postJson(path, Map.of("day", day, "airTempC", 30.0, "humidityPct", 40.0)).json();
        assertThat(estimated.get("wbgtEstimated").asBoolean()).isTrue();
        // 0.567·30 + 0.393·(0.4·6.105·e^(17.27·30/267.7)) + 3.94 = 27.6 °C = 81.7 °F: category 1 (WHITE)
        assertThat(estimated.get("wbgtF").asDouble()).isEqualTo(81.7);
        assertThat(estimated.get("heat").get("category").asInt()).isEqualTo(1);
        assertThat(estimated.get("heat").get("flag").asString()).isEqualTo("WHITE");

        ApiClient.Response both = admin.postJson(path, Map.of("day", day, "wbgtC", 30.0, "wbgtF", 86.0));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("wbgtF");
        ApiClient.Response outside = admin.postJson(path, Map.of("day", LocalDate.parse(day).plusDays(5).toString(), "wbgtC", 30.0));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.body()).contains("\"field\":\"day\"");
        assertThat(admin.postJson(path, Map.of("day", day)).status()).isEqualTo(400);
        assertThat(user(admin, "COMMANDER", "KZ-71").postJson(path, Map.of("day", day, "wbgtC", 30.0)).status()).isEqualTo(404);
        assertThat(user(admin, "MEDICAL_OFFICER", "KZ-79").postJson(path, Map.of("day", day, "wbgtC", 30.0)).status()).isEqualTo(403);
    }

    @Test
    void theEventPageShowsClearanceAndWeatherAndTakesAReading() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        long eventId = roadMarch(admin, unitId, start);
        String day = LocalDate.ofInstant(start, RiskAssessments.KAZAKHSTAN).toString();
        kz.qalqan.web.WebClient web = new kz.qalqan.web.WebClient(port).signIn("admin", "test-admin-password-1");

        kz.qalqan.web.WebClient.Page panel = web.get("/training/events/" + eventId + "/safety?lang=en");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("Not cleared", "/risk-assessments/new?event=" + eventId, "No weather recorded yet");
        kz.qalqan.web.WebClient.Page form = web.get("/risk-assessments/new?event=" + eventId + "&lang=en");
        assertThat(form.body()).contains("value=\"" + eventId + "\"", "Жаяу марш 20 км");

        kz.qalqan.web.WebClient.Page event = web.get("/training/events/" + eventId);
        kz.qalqan.web.WebClient.Page saved = web.post("/training/events/" + eventId + "/weather", event,
                Map.of("day", day, "source", "OBSERVED", "wbgtC", "31"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).contains("weather=saved");
        kz.qalqan.web.WebClient.Page after = web.get("/training/events/" + eventId + "/safety?weather=saved&lang=en");
        assertThat(after.body()).contains("31.0 °C (87.8 °F)", "40/20", "0.71 L/h (0.75 qt/h)", "+2.8 °C, +5 °F",
                "The reading was recorded");
        kz.qalqan.web.WebClient.Page bad = web.post("/training/events/" + eventId + "/weather", event, Map.of("day", day));
        assertThat(bad.location()).contains("weather=problem");
    }

    @Test
    void thePanelSaysWhyAnEventIsNotClearedInKazakhAndRussianAndShowsCelsiusFirst() {
        ApiClient admin = ApiClient.admin(port);
        long unitId = unit(admin);
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        long eventId = roadMarch(admin, unitId, start);
        kz.qalqan.web.WebClient web = new kz.qalqan.web.WebClient(port).signIn("admin", "test-admin-password-1");

        kz.qalqan.web.WebClient.Page kk = web.get("/training/events/" + eventId + "/safety?lang=kk");
        assertThat(kk.body()).contains("Рұқсат жоқ", "Бұл іс-шараға тәуекелді бағалау дайындалмаған.")
                .doesNotContain("No risk assessment has been prepared");
        kz.qalqan.web.WebClient.Page ru = web.get("/training/events/" + eventId + "/safety?lang=ru");
        assertThat(ru.body()).contains("Для этого мероприятия не подготовлена оценка рисков.")
                .doesNotContain("No risk assessment has been prepared");

        kz.qalqan.web.WebClient.Page event = web.get("/training/events/" + eventId);
        String day = LocalDate.ofInstant(start, RiskAssessments.KAZAKHSTAN).toString();
        assertThat(web.post("/training/events/" + eventId + "/weather", event,
                Map.of("day", day, "source", "OBSERVED", "wbgtC", "31", "bodyArmour", "true")).status()).isEqualTo(302);
        kz.qalqan.web.WebClient.Page reading = web.get("/training/events/" + eventId + "/safety?lang=ru");
        assertThat(reading.body()).contains("31,0 °C (87,8 °F)", "Бронежилет (+2,8 °C, +5 °F)")
                .doesNotContain("87.8 °F", "qt/h");
    }
}
