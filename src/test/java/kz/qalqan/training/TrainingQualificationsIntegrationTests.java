package kz.qalqan.training;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class TrainingQualificationsIntegrationTests {

    static final List<String> CODES = List.of("first_aid", "combat_lifesaver", "driver_c", "driver_d", "driver_ce",
            "radio_operator", "rescuer", "cbrn_defense", "weapons_handling", "sapper", "land_navigation", "water_rescue",
            "mountain_rescue", "fitness_test", "instructor");

    @LocalServerPort
    int port;

    @Autowired
    Qualifications qualifications;

    @Autowired
    ApplicationEvents events;

    ApiClient admin;
    LocalDate today;

    @BeforeEach
    void setUp() {
        admin = ApiClient.admin(port);
        today = LocalDate.now(Qualifications.KAZAKHSTAN);
    }

    long member(String region) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Оқытылған");
        m.put("firstName", "Тест");
        m.put("regionCode", region);
        ApiClient.Response r = admin.postJson("/api/members", m);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> award(String code, LocalDate awardedOn, LocalDate expiresOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("awardedOn", awardedOn.toString());
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        body.put("evidence", "Certificate No. 2026/" + code);
        body.put("awardingEvent", "Course at the regional training centre");
        return body;
    }

    ApiClient.Response post(long memberId, Map<String, Object> body) {
        return admin.postJson("/api/members/" + memberId + "/qualifications", body);
    }

    Map<String, JsonNode> held(long memberId) {
        ApiClient.Response r = admin.get("/api/members/" + memberId + "/qualifications");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, JsonNode> byCode = new HashMap<>();
        for (JsonNode q : r.json()) {
            byCode.put(q.get("code").asString(), q);
        }
        return byCode;
    }

    @Test
    void catalogueHasTheFifteenCodesInThreeLanguages() {
        ApiClient.Response r = admin.get("/api/qualifications");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode q : r.json()) {
            codes.add(q.get("code").asString());
            assertThat(q.get("nameKk").asString()).isNotBlank();
            assertThat(q.get("nameRu").asString()).isNotBlank().isNotEqualTo(q.get("nameEn").asString());
            assertThat(q.get("nameEn").asString()).isNotBlank();
            assertThat(q.get("category").asString()).isNotBlank();
        }
        assertThat(codes).containsExactlyInAnyOrderElementsOf(CODES);
        JsonNode lifesaver = null;
        for (JsonNode q : r.json()) {
            if (q.get("code").asString().equals("combat_lifesaver")) {
                lifesaver = q;
            }
        }
        assertThat(lifesaver.get("validityMonths").asInt()).isEqualTo(24);
        assertThat(lifesaver.get("prerequisites").get(0).asString()).isEqualTo("first_aid");
    }

    @Test
    void awardsWithExpiryComputedFromTheCatalogue() {
        long id = member("KZ-75");
        LocalDate awardedOn = today.minusDays(5);
        ApiClient.Response r = post(id, award("driver_c", awardedOn, null));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("expiresOn").asString()).isEqualTo(awardedOn.plusMonths(120).toString());
        assertThat(r.json().get("status").asString()).isEqualTo("CURRENT");
        assertThat(r.json().get("recordedBy").asString()).isEqualTo("admin");
        assertThat(r.location()).endsWith("/api/members/" + id + "/qualifications/" + r.json().get("id").asLong());
        assertThat(held(id)).containsOnlyKeys("driver_c");
    }

    @Test
    void refusesAnAwardWithoutItsPrerequisiteAndSaysWhy() {
        long id = member("KZ-75");
        ApiClient.Response r = post(id, award("combat_lifesaver", today, null));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("training.award.prerequisite");
        assertThat(r.json().get("errors").get(0).get("args").toString()).contains("\"combat_lifesaver\"", "\"first_aid\"");

        assertThat(post(id, award("first_aid", today.minusMonths(1), null)).status()).isEqualTo(201);
        assertThat(post(id, award("combat_lifesaver", today, null)).status()).isEqualTo(201);
        assertThat(held(id)).containsOnlyKeys("first_aid", "combat_lifesaver");
    }

    @Test
    void refusesAnAwardDatedInTheFuture() {
        long id = member("KZ-75");
        ApiClient.Response r = post(id, award("fitness_test", today.plusDays(1), null));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("awardedOn");
        assertThat(held(id)).isEmpty();
    }

    @Test
    void refusesAnExpiryBeforeTheAwardAndAnUnknownCode() {
        long id = member("KZ-75");
        assertThat(post(id, award("fitness_test", today, today.minusDays(1))).status()).isEqualTo(400);
        assertThat(post(id, award("astronaut", today, null)).status()).isEqualTo(400);
    }

    @Test
    void reportsCurrentExpiringAndExpired() {
        long id = member("KZ-75");
        assertThat(post(id, award("radio_operator", today.minusDays(30), null)).status()).isEqualTo(201);
        assertThat(post(id, award("fitness_test", today.minusMonths(11), today.plusDays(30))).status()).isEqualTo(201);
        assertThat(post(id, award("weapons_handling", today.minusMonths(14), today.minusMonths(2))).status()).isEqualTo(201);

        Map<String, JsonNode> held = held(id);
        assertThat(held.get("radio_operator").get("status").asString()).isEqualTo("CURRENT");
        assertThat(held.get("fitness_test").get("status").asString()).isEqualTo("EXPIRING");
        assertThat(held.get("weapons_handling").get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void revokesAnAwardOnce() {
        long id = member("KZ-75");
        long qid = post(id, award("sapper", today, null)).json().get("id").asLong();

        assertThat(admin.delete("/api/members/" + id + "/qualifications/" + qid).status()).isEqualTo(204);
        assertThat(held(id)).isEmpty();
        assertThat(admin.delete("/api/members/" + id + "/qualifications/" + qid).status()).isEqualTo(409);
        assertThat(admin.delete("/api/members/" + id + "/qualifications/999999999").status()).isEqualTo(404);
    }

    @Test
    void aRevokedPrerequisiteNoLongerCounts() {
        long id = member("KZ-75");
        long firstAid = post(id, award("first_aid", today.minusDays(3), null)).json().get("id").asLong();
        assertThat(admin.delete("/api/members/" + id + "/qualifications/" + firstAid).status()).isEqualTo(204);
        assertThat(post(id, award("rescuer", today, null)).status()).isEqualTo(400);
    }

    @Test
    void publishesQualificationAwarded() {
        long id = member("KZ-75");
        MemberQualification awarded = qualifications.award(id,
                new AwardCommand("land_navigation", today, null, "Protocol 7", null), "test");

        assertThat(awarded.expiresOn()).isEqualTo(today.plusMonths(36));
        assertThat(events.stream(QualificationAwarded.class))
                .containsExactly(new QualificationAwarded(id, "land_navigation", today.plusMonths(36)));
        assertThat(qualifications.of(id)).extracting(MemberQualification::code).containsExactly("land_navigation");
    }

    @Test
    void hidesMembersOutsideTheTrainingOfficersRegion() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String username = "tr-officer-" + tag;
        String password = "training-secret-" + tag + "-pass";
        ApiClient.Response user = admin.postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "Training officer", "language", "kk",
                "grants", List.of(Map.of("role", "TRAINING_OFFICER", "scope", "KZ-75"))));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        ApiClient officer = new ApiClient(port, username, password);
        long almaty = member("KZ-75");
        long astana = member("KZ-71");

        assertThat(officer.postJson("/api/members/" + almaty + "/qualifications", award("fitness_test", today, null)).status())
                .isEqualTo(201);
        assertThat(officer.get("/api/members/" + almaty + "/qualifications").status()).isEqualTo(200);

        assertThat(officer.get("/api/members/" + astana + "/qualifications").status()).isEqualTo(404);
        assertThat(officer.postJson("/api/members/" + astana + "/qualifications", award("fitness_test", today, null)).status())
                .isEqualTo(404);
        long astanaAward = post(astana, award("fitness_test", today, null)).json().get("id").asLong();
        assertThat(officer.delete("/api/members/" + astana + "/qualifications/" + astanaAward).status()).isEqualTo(404);
        assertThat(held(astana)).containsOnlyKeys("fitness_test");
    }
}
