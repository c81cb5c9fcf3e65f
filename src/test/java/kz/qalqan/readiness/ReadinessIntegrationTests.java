package kz.qalqan.readiness;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.AuditQuery;
import kz.qalqan.audit.AuditTrail;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit and member readiness through the API: incremental recompute, roll-up, explanations, override, scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    ReadinessMaintenance maintenance;

    private final LocalDate today = LocalDate.now(kz.qalqan.training.Qualifications.KAZAKHSTAN);

    /** A battalion in Almaty with one company holding a driver position (driver_c, FIT) and a vacant medic post. */
    record World(ApiClient admin, long battalion, long company, String companyPath, long driverPosition, long member,
                 ApiClient medic) {
    }

    private World world() {
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long battalion = created(admin.postJson("/api/units", Map.of("code", "RB-" + tag, "name", "Әзірлік батальоны",
                "type", "BATTALION", "regionCode", "KZ-75")));
        long company = created(admin.postJson("/api/units", Map.of("code", "RC-" + tag, "name", "Әзірлік ротасы",
                "type", "COMPANY", "parentId", battalion, "positions", List.of(
                        Map.of("title", "Жүргізуші", "requiredQualifications", List.of("driver_c"), "medicalStandard", "FIT"),
                        Map.of("title", "Санитар", "requiredQualifications", List.of("first_aid"), "medicalStandard", "FIT_LIMITED")))));
        JsonNode positions = admin.get("/api/units/" + company + "/positions").json();
        long driver = positions.get(0).get("id").asLong();
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Әзірліков");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("unitId", company);
        m.put("positionId", driver);
        long member = created(admin.postJson("/api/members", m));
        String path = admin.get("/api/units/" + company).json().get("orgPath").asString();
        ApiClient medic = user(admin, "MEDICAL_OFFICER", "KZ-75");
        return new World(admin, battalion, company, path, driver, member, medic);
    }

    @Test
    void anAwardAndAnExamChangeTheUnitAndEveryAncestor() {
        World w = world();
        ApiClient.Response fit = w.medic().postJson("/api/members/" + w.member() + "/medical/exams", Map.of(
                "examinedOn", today.toString(), "result", "FIT", "examiner", "Dr Readiness"));
        assertThat(fit.status()).as(fit.toString()).isEqualTo(201);
        JsonNode before = await(w.admin(), "/api/units/" + w.company() + "/readiness",
                n -> n.get("node").get("counts").get("authorised").asLong() == 2);
        assertThat(before.get("node").get("counts").get("ready").asLong()).isZero();
        assertThat(before.get("node").get("p").get("level").asInt()).isEqualTo(4);
        // the holder lacks driver_c: explained in words, with what would raise P
        assertThat(before.get("explanations").toString()).contains("LACKS_QUALIFICATION", "driver_c", "VACANT");
        assertThat(before.get("toRaise").toString()).contains("\"dimension\":\"P\"");

        Instant awarded = Instant.now();
        ApiClient.Response award = w.admin().postJson("/api/members/" + w.member() + "/qualifications", Map.of(
                "code", "driver_c", "awardedOn", today.toString(), "evidence", "Licence 123"));
        assertThat(award.status()).as(award.toString()).isEqualTo(201);
        long started = System.nanoTime();
        JsonNode after = await(w.admin(), "/api/units/" + w.company() + "/readiness",
                n -> n.get("node").get("counts").get("ready").asLong() == 1);
        double latency = (System.nanoTime() - started) / 1e6;
        System.out.printf("Readiness: award reflected in the unit after %.0f ms%n", latency);
        assertThat(after.get("node").get("p").get("percent").asDouble()).isEqualTo(50.0);
        assertThat(after.get("node").get("t").get("numerator").asLong()).isEqualTo(1);
        // the battalion (its subtree), the district-less region and the nation were recomputed with it
        JsonNode battalion = w.admin().get("/api/units/" + w.battalion() + "/readiness").json();
        assertThat(battalion.get("node").get("counts").get("ready").asLong()).isEqualTo(1);
        assertThat(battalion.get("node").get("counts").get("authorised").asLong()).isEqualTo(2);
        assertThat(battalion.get("children")).hasSize(1);
        assertThat(battalion.get("children").get(0).get("unitId").asLong()).isEqualTo(w.company());
        JsonNode region = w.admin().get("/api/readiness/regions/KZ-75").json();
        assertThat(Instant.parse(region.get("node").get("computedAt").asString())).isAfter(awarded.minusSeconds(1));
        assertThat(region.get("node").get("counts").get("ready").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode overview = w.admin().get("/api/readiness").json();
        assertThat(Instant.parse(overview.get("national").get("computedAt").asString())).isAfter(awarded.minusSeconds(1));
        assertThat(overview.get("roots")).hasSizeGreaterThanOrEqualTo(1);

        // a temporarily-unfit exam takes the position out of P again, and the board says why
        ApiClient.Response unfit = w.medic().postJson("/api/members/" + w.member() + "/medical/exams", Map.of(
                "examinedOn", today.toString(), "result", "TEMPORARILY_UNFIT", "unfitUntil", today.plusDays(30).toString(),
                "diagnosis", "Secret fracture", "examiner", "Dr Readiness"));
        assertThat(unfit.status()).as(unfit.toString()).isEqualTo(201);
        JsonNode dropped = await(w.admin(), "/api/units/" + w.company() + "/readiness",
                n -> n.get("node").get("counts").get("ready").asLong() == 0);
        assertThat(dropped.get("explanations").toString()).contains("NO_VALID_EXAM").doesNotContain("Secret fracture");
    }

    @Test
    void memberReadinessListsReasonsWithoutMedicalDetailsForCommanders() {
        World w = world();
        ApiClient commander = user(w.admin(), "COMMANDER", "KZ-75");
        JsonNode none = commander.get("/api/members/" + w.member() + "/readiness").json();
        assertThat(none.get("status").asString()).isEqualTo("NOT_READY");
        assertThat(none.get("reasons").toString()).contains("NO_VALID_EXAM", "QUALIFICATION_MISSING", "driver_c");

        w.medic().postJson("/api/members/" + w.member() + "/medical/profiles", Map.of("restrictions", List.of("NO_RUNNING"),
                "reason", "Knee surgery", "startsOn", today.toString(), "endsOn", today.plusDays(20).toString()));
        w.medic().postJson("/api/members/" + w.member() + "/medical/exams", Map.of("examinedOn", today.toString(),
                "result", "FIT", "diagnosis", "Knee", "examiner", "Dr Readiness"));
        w.admin().postJson("/api/members/" + w.member() + "/qualifications", Map.of("code", "driver_c",
                "awardedOn", today.toString(), "evidence", "Licence 9"));
        JsonNode limited = commander.get("/api/members/" + w.member() + "/readiness").json();
        // the driver post needs FIT: a member on a profile is below its standard
        assertThat(limited.get("status").asString()).isEqualTo("NOT_READY");
        assertThat(limited.get("reasons").toString()).contains("ACTIVE_PROFILE", "BELOW_MEDICAL_STANDARD")
                .doesNotContain("NO_RUNNING").doesNotContain("Knee");
        JsonNode medical = w.medic().get("/api/members/" + w.member() + "/readiness").json();
        assertThat(medical.get("reasons").toString()).contains("NO_RUNNING");

        ApiClient stranger = user(w.admin(), "COMMANDER", "KZ-71");
        assertThat(stranger.get("/api/members/" + w.member() + "/readiness").status()).isEqualTo(404);
        assertThat(audit.search(new AuditQuery(null, "member", Long.toString(w.member()), "READINESS_MEMBER_READ",
                null, null, 10, null))).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void equipmentGivesSAndRAndIsAudited() {
        World w = world();
        String url = "/api/units/" + w.company() + "/equipment";
        ApiClient.Response bad = w.admin().putJson(url, Map.of("lines", List.of(Map.of("type", "RADIO", "authorised", 5,
                "onHand", 3, "serviceable", 4, "nextInspectionDue", today.toString()))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("lines[0].serviceable");
        assertThat(bad.json().get("errors").get(0).get("code").asString()).isEqualTo("readiness.error.serviceableOverOnHand");
        ApiClient.Response ok = w.admin().putJson(url, Map.of("lines", List.of(
                Map.of("type", "HELMET", "authorised", 10, "onHand", 12, "serviceable", 9, "nextInspectionDue", today.plusDays(30).toString()),
                Map.of("type", "RADIO", "authorised", 10, "onHand", 6, "serviceable", 6, "nextInspectionDue", today.minusDays(1).toString()))));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(w.admin().get(url).json().get("lines")).hasSize(2);
        // S = (10 + 6) / 20 = 80 % -> S2; R = 9 / 18 = 50 % -> R4 (the radios' inspection is overdue)
        JsonNode unit = await(w.admin(), "/api/units/" + w.company() + "/readiness",
                n -> n.get("node").get("s").get("level").asInt() == 2);
        assertThat(unit.get("node").get("s").get("percent").asDouble()).isEqualTo(80.0);
        assertThat(unit.get("node").get("r").get("level").asInt()).isEqualTo(4);
        assertThat(unit.get("node").get("computedLevel").asInt()).isEqualTo(4);
        assertThat(unit.get("explanations").toString()).contains("INSPECTION_OVERDUE", "RADIO", "SHORT");
        assertThat(audit.search(new AuditQuery(null, "unit", Long.toString(w.company()), "EQUIPMENT_UPDATE",
                null, null, 10, null))).hasSize(1);
        ApiClient trainer = user(w.admin(), "TRAINING_OFFICER", "KZ-75");
        assertThat(trainer.putJson(url, Map.of("lines", List.of())).status()).isEqualTo(403);
        assertThat(trainer.get(url).status()).isEqualTo(200);
    }

    @Test
    void commanderMayLowerButNotRaiseWithAReasonAndItIsAudited() {
        World w = world();
        ApiClient commander = user(w.admin(), "COMMANDER", "KZ-75");
        JsonNode unit = await(commander, "/api/units/" + w.company() + "/readiness",
                n -> n.get("node").get("computedLevel").asInt() == 4);
        assertThat(unit.get("node").get("computedLevel").asInt()).isEqualTo(4);
        String url = "/api/units/" + w.company() + "/readiness/override";
        ApiClient.Response raise = commander.postJson(url, Map.of("level", 2, "reason", "They are fine"));
        assertThat(raise.status()).isEqualTo(400);
        assertThat(raise.json().get("code").asString()).isEqualTo("readiness.error.raise");
        assertThat(raise.json().get("args").toString()).isEqualTo("[\"C4\",\"C2\"]");
        ApiClient.Response noReason = commander.postJson(url, Map.of("level", 4));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(noReason.json().get("code").asString()).isEqualTo("readiness.error.reasonRequired");
        ApiClient.Response ok = commander.postJson(url, Map.of("level", 4, "reason", "Vehicles away for repair"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("node").get("overrideLevel").asInt()).isEqualTo(4);
        assertThat(ok.json().get("node").get("overrideReason").asString()).isEqualTo("Vehicles away for repair");
        List<AuditEntry> entries = audit.search(new AuditQuery(null, "unit", Long.toString(w.company()), "READINESS_OVERRIDE",
                null, null, 10, null));
        assertThat(entries).extracting(AuditEntry::reason).containsExactly("Vehicles away for repair");

        assertThat(user(w.admin(), "SAFETY_OFFICER", "KZ-75").postJson(url, Map.of("level", 4, "reason", "x")).status())
                .isEqualTo(403);
        assertThat(user(w.admin(), "COMMANDER", "KZ-71").postJson(url, Map.of("level", 4, "reason", "x")).status())
                .isEqualTo(404);
        assertThat(commander.delete(url).status()).isEqualTo(204);
        assertThat(commander.get("/api/units/" + w.company() + "/readiness").json().get("node").get("overrideLevel").isNull())
                .isTrue();
    }

    @Test
    void scopeTrendAndExport() {
        World w = world();
        await(w.admin(), "/api/units/" + w.company() + "/readiness", n -> n.get("node").get("counts").get("authorised").asLong() == 2);
        ApiClient almaty = user(w.admin(), "COMMANDER", "KZ-75");
        ApiClient astana = user(w.admin(), "COMMANDER", "KZ-71");
        JsonNode overview = almaty.get("/api/readiness").json();
        assertThat(overview.get("national").isNull()).isTrue();
        assertThat(overview.get("roots")).hasSize(1);
        assertThat(overview.get("roots").get(0).get("node").asString()).isEqualTo("KZ-75/");
        assertThat(astana.get("/api/units/" + w.company() + "/readiness").status()).isEqualTo(404);
        assertThat(astana.get("/api/readiness/regions/KZ-75").status()).isEqualTo(404);
        assertThat(astana.get("/api/readiness/trend?node=KZ-75").status()).isEqualTo(404);
        assertThat(almaty.get("/api/readiness/trend?node=KZ").status()).isEqualTo(404);
        assertThat(almaty.get("/api/readiness/trend?node=not-a-node").status()).isEqualTo(400);

        maintenance.snapshot();
        JsonNode trend = almaty.get("/api/readiness/trend?node=" + w.companyPath()).json();
        assertThat(trend).hasSizeGreaterThanOrEqualTo(1);
        assertThat(trend.get(trend.size() - 1).get("day").asString()).isEqualTo(today.toString());

        ApiClient.Response csv = almaty.get("/api/readiness/export.csv?node=" + w.companyPath());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("node,kind,code").contains(w.companyPath());
        assertThat(audit.search(new AuditQuery(null, "readiness", w.companyPath(), "READINESS_EXPORT", null, null, 10, null)))
                .hasSize(1);
    }

    private JsonNode await(ApiClient client, String path, Predicate<JsonNode> done) {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            ApiClient.Response r = client.get(path);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last = r.json();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not reached in 15 s: " + last);
    }

    private ApiClient user(ApiClient admin, String role, String region) {
        return ApiClient.newUser(port, role, region, null);
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
