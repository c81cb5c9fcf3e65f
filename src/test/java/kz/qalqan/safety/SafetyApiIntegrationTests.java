package kz.qalqan.safety;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SafetyApiIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.admin(port);
    }

    @Test
    void answersTheRiskLevelAndWhoApprovesIt() {
        var r = api.get("/api/safety/risk?probability=C&severity=II");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("level").asString()).isEqualTo("H");
        assertThat(r.json().get("approvalAuthority").asString()).isEqualTo("REGION_TO_COMMANDER");
        assertThat(api.get("/api/safety/risk?probability=e&severity=iv").json().get("level").asString()).isEqualTo("L");
    }

    @Test
    void rejectsAnUnknownProbabilityOrSeverityNamingTheParameter() {
        var r = api.get("/api/safety/risk?probability=F&severity=V");

        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r.json())).containsExactly("probability", "severity");
        assertThat(fields(api.get("/api/safety/risk?severity=II").json())).containsExactly("probability");
    }

    @Test
    void answersTheHeatCategoryOfTheExample() {
        var r = api.get("/api/safety/heat?wbgtF=87.8&work=moderate&armour=false&mopp=false&acclimatised=true");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode heat = r.json();
        assertThat(heat.get("category").asInt()).isEqualTo(3);
        assertThat(heat.get("flag").asString()).isEqualTo("YELLOW");
        assertThat(heat.get("workMinutes").asInt()).isEqualTo(40);
        assertThat(heat.get("restMinutes").asInt()).isEqualTo(20);
        assertThat(heat.get("waterQuartsPerHour").asDouble()).isEqualTo(0.75);
    }

    @Test
    void acceptsCelsiusAndAppliesArmourMoppAndAcclimatisation() {
        // 31 °C = 87.8 °F, + 5 armour = 92.8 → category 5
        JsonNode armoured = api.get("/api/safety/heat?wbgtC=31&work=hard&armour=true").json();
        assertThat(armoured.get("category").asInt()).isEqualTo(5);
        assertThat(armoured.get("workMinutes").asInt()).isEqualTo(10);
        assertThat(armoured.get("restMinutes").asInt()).isEqualTo(50);

        JsonNode unacclimatised = api.get("/api/safety/heat?wbgtC=31&work=easy&acclimatised=false").json();
        assertThat(unacclimatised.get("category").asInt()).isEqualTo(4);
        assertThat(unacclimatised.get("flag").asString()).isEqualTo("RED");

        // 67.9 + 10 for MOPP 4 = 77.9: still below category 1
        JsonNode mopp = api.get("/api/safety/heat?wbgtF=67.9&work=easy&mopp=true").json();
        assertThat(mopp.get("category").asInt()).isZero();
        assertThat(mopp.get("flag").asString()).isEqualTo("NONE");
        assertThat(mopp.path("workMinutes").isNull() || mopp.path("workMinutes").isMissingNode()).isTrue();
    }

    @Test
    void needsExactlyOneOfFahrenheitAndCelsius() {
        var neither = api.get("/api/safety/heat?work=easy");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(fields(neither.json())).containsExactly("wbgtF");

        var both = api.get("/api/safety/heat?wbgtF=80&wbgtC=27&work=easy");
        assertThat(both.status()).isEqualTo(400);
        assertThat(fields(both.json())).containsExactly("wbgtF");
    }

    @Test
    void rejectsAnUnknownWorkIntensityOrFlagNamingTheParameter() {
        var work = api.get("/api/safety/heat?wbgtF=80&work=extreme");
        assertThat(work.status()).isEqualTo(400);
        assertThat(fields(work.json())).containsExactly("work");

        var armour = api.get("/api/safety/heat?wbgtF=80&work=easy&armour=maybe");
        assertThat(armour.status()).isEqualTo(400);
        assertThat(fields(armour.json())).containsExactly("armour");

        var temperature = api.get("/api/safety/heat?wbgtF=hot&work=easy");
        assertThat(temperature.status()).isEqualTo(400);
        assertThat(fields(temperature.json())).containsExactly("wbgtF");
    }

    @Test
    void answersTheWindChillOfTheExampleToATenthOfADegree() {
        var r = api.get("/api/safety/windchill?tempC=-20&windKmh=30");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("windChillC").asDouble()).isEqualTo(-32.6);
        assertThat(r.json().get("frostbiteMinutes").asString()).isEqualTo("10-30");
        assertThat(r.json().get("band").asString()).isEqualTo("HIGH");
    }

    @Test
    void answersTheAirTemperatureInCalmAirWithMinimalRisk() {
        var r = api.get("/api/safety/windchill?tempC=-5&windKmh=2").json();

        assertThat(r.get("windChillC").asDouble()).isEqualTo(-5.0);
        assertThat(r.get("band").asString()).isEqualTo("MINIMAL");
    }

    @Test
    void rejectsAMissingOrNegativeWindNamingTheParameter() {
        var missing = api.get("/api/safety/windchill?tempC=-20");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing.json())).containsExactly("windKmh");

        var negative = api.get("/api/safety/windchill?tempC=-20&windKmh=-3");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(fields(negative.json())).containsExactly("windKmh");
    }

    @Test
    void refusesAnonymousCallers() {
        assertThat(ApiClient.anonymous(port).get("/api/safety/risk?probability=C&severity=II").status()).isEqualTo(401);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
