package kz.qalqan.registry;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberApiIntegrationTests {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.admin(port);
    }

    static Map<String, Object> member(String iin) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", iin);
        m.put("lastName", "Сәрсенбаев");
        m.put("firstName", "Нұрлан");
        m.put("middleName", "Серікұлы");
        m.put("category", "reservist");
        m.put("phone", "8 (701) 123-45-67");
        m.put("email", "n.sarsenbayev@example.kz");
        m.put("regionCode", "KZ-11");
        m.put("language", "kk");
        m.put("skills", List.of("driver", "Medic"));
        return m;
    }

    long createUnit(String region) {
        var r = api.postJson("/api/units", Map.of("code", "T-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Сынақ взводы", "type", "PLATOON", "regionCode", region));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void registersAMemberAndAnswersCreatedWithLocation() {
        String iin = TestIins.random();
        var r = api.postJson("/api/members", member(iin));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.location()).endsWith("/api/members/" + id);
        var stored = api.get("/api/members/" + id).json();
        assertThat(stored.get("iin").asString()).isEqualTo(iin);
        assertThat(stored.get("phone").asString()).isEqualTo("+77011234567");
        assertThat(stored.get("skills").toString()).isEqualTo("[\"driver\",\"medic\"]");
        assertThat(stored.get("birthDate").isNull()).isFalse();
        assertThat(stored.get("status").asString()).isEqualTo("ACTIVE");
    }

    @ParameterizedTest
    @CsvSource({
            "90051530012, fewer than 12 digits",
            "9005153001277, more than 12 digits",
            "90051530012A, only the digits",
            "900515300128, check digit",
            "850101300690, no IIN is ever issued",
            "000000000000, all 12 digits of the IIN are the same",
            "000000300017, first six digits of the IIN are all zero"})
    void rejectsABadIinNamingTheFieldAndTheReason(String iin, String reason) {
        var r = api.postJsonIn("en", "/api/members", member(iin));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("iin");
        assertThat(error.get("message").asString()).containsIgnoringCase(reason);
        assertThat(error.get("code").asString()).startsWith("iin.problem.");
    }

    @Test
    void rejectsADuplicateIinWithConflict() {
        String iin = TestIins.random();
        assertThat(api.postJson("/api/members", member(iin)).status()).isEqualTo(201);

        var again = api.postJson("/api/members", member(iin));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("iin");
    }

    @Test
    void listsEveryInvalidFieldAtOnce() {
        Map<String, Object> m = member(TestIins.random());
        m.put("lastName", "Ivan0v");
        m.put("phone", "12345");
        m.put("email", "not-an-email");
        m.put("regionCode", "KZ-99");
        m.put("language", "de");
        m.put("category", "soldier");

        var r = api.postJson("/api/members", m);

        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("lastName", "phone", "email", "regionCode", "language", "category");
    }

    @Test
    void acceptsASoftRuleViolationWithAReviewWarning() {
        // valid check digit, but 31 February is not a date: accepted, flagged for review
        String prefix = "8502313001";
        String iin = null;
        for (int serial = 0; serial < 10 && iin == null; serial++) {
            int c = kz.qalqan.shared.Iin.checkDigit(prefix + serial);
            if (c >= 0) {
                iin = prefix + serial + c;
            }
        }
        var existing = api.get("/api/members?q=" + iin).json().get("items");
        if (!existing.isEmpty()) {
            api.delete("/api/members/" + existing.get(0).get("id").asLong());
        }

        var r = api.postJson("/api/members", member(iin));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("warnings").toString()).contains("NOT_A_CALENDAR_DATE");
        assertThat(r.json().get("birthDate").isNull()).isTrue();
    }

    @Test
    void flagsABirthDateThatDisagreesWithTheIin() {
        Map<String, Object> m = member(TestIins.random());
        m.put("birthDate", "1950-01-01");

        var r = api.postJson("/api/members", m);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("warnings").toString()).contains("BIRTH_DATE_MISMATCH");
    }

    @Test
    void keepsTheAssignmentHistoryWhenTheUnitChanges() {
        long first = createUnit("KZ-11");
        long second = createUnit("KZ-11");
        Map<String, Object> m = member(TestIins.random());
        m.put("unitId", first);
        long id = api.postJson("/api/members", m).json().get("id").asLong();

        m.put("unitId", second);
        var updated = api.putJson("/api/members/" + id, m);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode history = api.get("/api/members/" + id + "/assignments").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("unitId").asLong()).isEqualTo(second);
        assertThat(history.get(0).get("to").isNull()).isTrue();
        assertThat(history.get(1).get("unitId").asLong()).isEqualTo(first);
        assertThat(history.get(1).get("to").isNull()).isFalse();
        assertThat(history.get(1).get("recordedBy").asString()).isEqualTo("admin");
    }

    @Test
    void pagesThroughSearchResultsWithoutRepeatsEvenWhenMembersAreAddedMeanwhile() {
        long unit = createUnit("KZ-55");
        for (int i = 0; i < 7; i++) {
            Map<String, Object> m = member(TestIins.random());
            m.put("unitId", unit);
            m.put("regionCode", "KZ-55");
            assertThat(api.postJson("/api/members", m).status()).isEqualTo(201);
        }
        Set<Long> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/members?unit=" + unit + "&limit=3" + (after == null ? "" : "&after=" + after)).json();
            page.get("items").forEach(item -> assertThat(seen.add(item.get("id").asLong())).isTrue());
            after = page.get("next").isNull() ? null : page.get("next").asString();
            if (pages++ == 0) {
                Map<String, Object> late = member(TestIins.random());
                late.put("unitId", unit);
                api.postJson("/api/members", late);
            }
        } while (after != null);

        assertThat(seen).hasSize(8);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void searchesByNameIinSkillAndSubunits() {
        long parent = createUnit("KZ-47");
        var child = api.postJson("/api/units", Map.of("code", "C-" + UUID.randomUUID().toString().substring(0, 8),
                "name", "Бөлімше", "type", "PLATOON", "parentId", parent));
        long childId = child.json().get("id").asLong();
        String surname = "Жаңабаев";
        Map<String, Object> m = member(TestIins.random());
        m.put("lastName", surname);
        m.put("firstName", "Ғалым");
        m.put("unitId", childId);
        m.put("skills", List.of("drone_pilot"));
        String iin = (String) m.get("iin");
        long id = api.postJson("/api/members", m).json().get("id").asLong();

        assertThat(ids(api.get("/api/members?q=" + iin))).containsExactly(id);
        assertThat(ids(api.get("/api/members?q=ғалым&unit=" + childId))).containsExactly(id);
        assertThat(ids(api.get("/api/members?unit=" + parent))).isEmpty();
        assertThat(ids(api.get("/api/members?unit=" + parent + "&includeSubunits=true"))).containsExactly(id);
        assertThat(ids(api.get("/api/members?unit=" + parent + "&includeSubunits=true&skill=drone_pilot"))).containsExactly(id);
        assertThat(ids(api.get("/api/members?unit=" + parent + "&includeSubunits=true&skill=cook"))).isEmpty();
        assertThat(ids(api.get("/api/members?unit=" + parent + "&includeSubunits=true&status=DISCHARGED"))).isEmpty();
    }

    @Test
    void answersNotFoundAsProblemJson() {
        var r = api.get("/api/members/999999999");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void rejectsAForgedCursor() {
        var r = api.get("/api/members?after=not-a-cursor");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("after");
    }

    @Test
    void requiresAuthentication() {
        var r = ApiClient.anonymous(port).get("/api/members");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rejectsWrongCredentials() {
        assertThat(new ApiClient(port, "admin", "wrong-password-123").get("/api/regions").status()).isEqualTo(401);
    }

    private static List<Long> ids(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
