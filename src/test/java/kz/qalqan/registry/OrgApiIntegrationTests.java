package kz.qalqan.registry;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgApiIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.admin(port);
    }

    static String code() {
        return "U-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aUnitsConstraintsAnswerWithCodesInTheCallersLanguage() {
        ApiClient.Response r = api.postJsonIn("ru", "/api/units", Map.of("name", "Ж".repeat(201), "type", "PLATOON",
                "regionCode", "KZ-75"));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        Map<String, JsonNode> byField = new java.util.HashMap<>();
        r.json().get("errors").forEach(e -> byField.put(e.get("field").asString(), e));
        assertThat(byField.get("code").get("code").asString()).isEqualTo("input.required");
        assertThat(byField.get("name").get("code").asString()).isEqualTo("input.tooLong");
        assertThat(byField.get("name").get("args").get(0).asInt()).isEqualTo(200);
        assertThat(byField.get("name").get("message").asString()).isEqualTo("Не более 200 символов.");
    }

    @Test
    void listsTheTwentyFirstLevelDivisionsInThreeLanguages() {
        JsonNode regions = api.get("/api/regions").json();

        assertThat(regions).hasSize(20);
        List<String> codes = new ArrayList<>();
        regions.forEach(r -> codes.add(r.get("code").asString()));
        assertThat(codes).contains("KZ-71", "KZ-75", "KZ-79", "KZ-10", "KZ-33", "KZ-62");
        JsonNode astana = regions.get(codes.indexOf("KZ-71"));
        assertThat(astana.get("nameKk").asString()).isEqualTo("Астана");
        assertThat(astana.get("nameEn").asString()).isNotBlank();
        assertThat(astana.get("nameRu").asString()).isNotBlank();
    }

    @Test
    void listsTheDistrictsOfARegion() {
        JsonNode districts = api.get("/api/regions/KZ-11/districts").json();

        assertThat(districts).hasSize(20);
        districts.forEach(d -> assertThat(d.get("regionCode").asString()).isEqualTo("KZ-11"));
    }

    @Test
    void buildsAUnitTreeWithPositions() {
        var battalion = api.postJson("/api/units", Map.of("code", code(), "name", "Батальон", "type", "BATTALION",
                "regionCode", "KZ-11", "districtId", firstDistrict("KZ-11"), "lat", 53.28, "lon", 69.38,
                "positions", List.of(Map.of("title", "Командир", "requiredQualifications", List.of("land_navigation")))));
        assertThat(battalion.status()).as(battalion.toString()).isEqualTo(201);
        long b = battalion.json().get("id").asLong();
        long company = api.postJson("/api/units", Map.of("code", code(), "name", "1-рота", "type", "COMPANY", "parentId", b))
                .json().get("id").asLong();
        api.postJson("/api/units", Map.of("code", code(), "name", "1-взвод", "type", "PLATOON", "parentId", company,
                "positions", List.of(Map.of("title", "Жүргізуші", "requiredQualifications", List.of("driver_c"),
                        "medicalStandard", "FIT"))));

        JsonNode tree = api.get("/api/units/" + b + "/tree").json();

        assertThat(tree.get("positions").get(0).get("title").asString()).isEqualTo("Командир");
        JsonNode companyNode = tree.get("children").get(0);
        assertThat(companyNode.get("id").asLong()).isEqualTo(company);
        assertThat(companyNode.get("regionCode").asString()).isEqualTo("KZ-11");
        JsonNode platoon = companyNode.get("children").get(0);
        assertThat(platoon.get("positions").get(0).get("requiredQualifications").get(0).asString()).isEqualTo("driver_c");
    }

    @Test
    void refusesADuplicateUnitCode() {
        String code = code();
        assertThat(api.postJson("/api/units", Map.of("code", code, "name", "A", "type", "PLATOON", "regionCode", "KZ-75")).status())
                .isEqualTo(201);

        var again = api.postJson("/api/units", Map.of("code", code.toLowerCase(), "name", "B", "type", "PLATOON", "regionCode", "KZ-75"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    void validatesUnitInput() {
        var r = api.postJson("/api/units", Map.of("code", "bad code!", "name", "", "type", "PLATOON", "regionCode", "KZ-75"));

        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("code", "name");
    }

    @Test
    void refusesADistrictOfAnotherRegion() {
        var r = api.postJson("/api/units", Map.of("code", code(), "name", "A", "type", "PLATOON", "regionCode", "KZ-75",
                "districtId", firstDistrict("KZ-11")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("districtId");
    }

    @Test
    void movesASubtreeWithItsMembersAndRefusesCycles() {
        long a = api.postJson("/api/units", Map.of("code", code(), "name", "A", "type", "BATTALION", "regionCode", "KZ-75"))
                .json().get("id").asLong();
        String childCode = code();
        long child = api.postJson("/api/units", Map.of("code", childCode, "name", "A1", "type", "COMPANY", "parentId", a))
                .json().get("id").asLong();
        long b = api.postJson("/api/units", Map.of("code", code(), "name", "B", "type", "BATTALION", "regionCode", "KZ-71"))
                .json().get("id").asLong();

        var moved = api.putJson("/api/units/" + child, Map.of("code", childCode, "name", "A1", "type", "COMPANY", "parentId", b));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("regionCode").asString()).isEqualTo("KZ-71");
        assertThat(api.get("/api/units/" + b + "/tree").json().get("children").get(0).get("id").asLong()).isEqualTo(child);

        var cycle = api.putJson("/api/units/" + b, Map.of("code", "x" + code(), "name", "B", "type", "BATTALION", "parentId", child));
        assertThat(cycle.status()).isEqualTo(400);
    }

    @Test
    void deletesOnlyAnEmptyUnit() {
        long parent = api.postJson("/api/units", Map.of("code", code(), "name", "P", "type", "COMPANY", "regionCode", "KZ-75"))
                .json().get("id").asLong();
        long child = api.postJson("/api/units", Map.of("code", code(), "name", "C", "type", "PLATOON", "parentId", parent))
                .json().get("id").asLong();

        assertThat(api.delete("/api/units/" + parent).status()).isEqualTo(409);
        assertThat(api.delete("/api/units/" + child).status()).isEqualTo(204);
        assertThat(api.get("/api/units/" + child).status()).isEqualTo(404);
        assertThat(api.delete("/api/units/" + parent).status()).isEqualTo(204);
    }

    private int firstDistrict(String region) {
        return api.get("/api/regions/" + region + "/districts").json().get(0).get("id").asInt();
    }
}
