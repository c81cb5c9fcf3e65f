package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The readiness pages over HTTP in Kazakh, Russian and English: board, unit page, equipment form, override, member panel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessPagesIntegrationTests {

    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    kz.qalqan.readiness.ReadinessMaintenance maintenance;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));

    private String text(String key, String lang, Object... args) {
        // escaped as Thymeleaf escapes text: markup characters only
        return messages.getMessage(key, args, Locale.forLanguageTag(lang)).replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A platoon in Almaty with one vacant post and the given equipment lines. */
    private long unit(ApiClient admin, List<Map<String, Object>> equipment) {
        return unit(admin, equipment, List.of(Map.of("title", "Байланысшы", "requiredQualifications", List.of("radio_operator"),
                "medicalStandard", "FIT")));
    }

    private long unit(ApiClient admin, List<Map<String, Object>> equipment, List<Map<String, Object>> positions) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response r = admin.postJson("/api/units", Map.of("code", "RP-" + tag, "name", "Бет взводы " + tag,
                "type", "PLATOON", "regionCode", "KZ-75", "positions", positions));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        if (!equipment.isEmpty()) {
            ApiClient.Response put = admin.putJson("/api/units/" + id + "/equipment", Map.of("lines", equipment));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
        }
        return id;
    }

    private WebClient user(ApiClient admin, String role) {
        String username = "rp-" + role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "readiness-pages-pass-" + username;
        ApiClient.Response r = admin.postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "Pages " + role, "language", "kk", "grants", List.of(Map.of("role", role, "scope", "KZ-75"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new WebClient(port).signIn(username, password);
    }

    private static JsonNode await(ApiClient client, String path, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = client.get(path).json();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not reached within 10 s: " + path + " -> " + last);
    }

    @Test
    void boardShowsTheNationWithMapAndDrillsDownToTheUnitInEveryLanguage() {
        ApiClient admin = ApiClient.admin(port);
        long unit = unit(admin, List.of());
        String path = admin.get("/api/units/" + unit).json().get("orgPath").asString();
        await(admin, "/api/units/" + unit + "/readiness", n -> n.get("node").get("computedLevel").asInt() == 4);
        WebClient web = new WebClient(port).signIn("admin", "test-admin-password-1");
        for (String lang : LANGUAGES) {
            WebClient.Page national = web.get("/readiness?lang=" + lang);
            assertThat(national.status()).isEqualTo(200);
            assertThat(national.body()).contains(text("readiness.board.headingOf", lang, text("readiness.node.national", lang)))
                    .contains("class=\"region-map\"", "id=\"readiness-map-values\"", "\"KZ-75\":{\"band\":\"c")
                    .contains(text("readiness.level.4", lang), text("readiness.legend", lang))
                    .contains("/api/readiness/export.csv?node=KZ");
            WebClient.Page region = web.get("/readiness?node=KZ-75&level=4&lang=" + lang);
            assertThat(region.status()).isEqualTo(200);
            assertThat(region.body()).contains("data-node=\"" + path + "\"", "/readiness/units/" + unit)
                    .contains(text("readiness.filter.atLeast", lang, text("readiness.level.4", lang)))
                    .doesNotContain("class=\"region-map\"");
            WebClient.Page why = web.get("/readiness/why?node=" + path + "&lang=" + lang);
            assertThat(why.body()).contains(text("readiness.cause.P.VACANT", lang, 1L, 1L, "", "P4"));
        }
        // a unit's key redirects to its page; a malformed key is a 404 page
        assertThat(web.get("/readiness?node=" + path).location()).endsWith("/readiness/units/" + unit);
        assertThat(web.get("/readiness?node=nonsense").status()).isEqualTo(404);
        // a regional commander lands on the region
        WebClient commander = user(admin, "COMMANDER");
        WebClient.Page own = commander.get("/readiness?lang=en");
        assertThat(own.body()).contains(text("readiness.board.headingOf", "en", "Almaty")).doesNotContain("class=\"region-map\"");
    }

    @Test
    void unitPageShowsLevelsCausesAndEquipmentAndTheFormKeepsWhatWasTyped() {
        ApiClient admin = ApiClient.admin(port);
        long unit = unit(admin, List.of(Map.of("type", "RADIO", "authorised", 10, "onHand", 8, "serviceable", 8,
                "nextInspectionDue", today.plusDays(60).toString())));
        await(admin, "/api/units/" + unit + "/readiness", n -> n.get("node").get("s").get("level").asInt() == 2);
        WebClient commander = user(admin, "COMMANDER");
        for (String lang : LANGUAGES) {
            WebClient.Page page = commander.get("/readiness/units/" + unit + "?lang=" + lang);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("S2", "8 / 10", text("readiness.item.RADIO", lang),
                    text("readiness.cause.S.SHORT", lang, 2L, 10L, text("readiness.item.RADIO", lang), "S2"),
                    text("readiness.raise.S", lang, 1L, "S2", "S1"), text("readiness.equipment.save", lang),
                    text("readiness.override.submit", lang), "name=\"RADIO.onHand\"", "value=\"8\"");

            WebClient.Page bad = commander.post("/readiness/units/" + unit + "/equipment?lang=" + lang, page, Map.of(
                    "RADIO.authorised", "10", "RADIO.onHand", "6", "RADIO.serviceable", "7", "RADIO.nextInspectionDue", today.toString(),
                    "HELMET.authorised", "ten", "HELMET.onHand", "", "HELMET.serviceable", "", "HELMET.nextInspectionDue", ""));
            assertThat(bad.status()).isEqualTo(200);
            assertThat(bad.body()).contains(text("readiness.error.number", lang), "value=\"ten\"");
            WebClient.Page refused = commander.post("/readiness/units/" + unit + "/equipment?lang=" + lang, page, Map.of(
                    "RADIO.authorised", "10", "RADIO.onHand", "6", "RADIO.serviceable", "7", "RADIO.nextInspectionDue", today.toString(),
                    "VEHICLE.authorised", "2", "VEHICLE.onHand", "1", "VEHICLE.serviceable", "1", "VEHICLE.nextInspectionDue", ""));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body()).contains(text("readiness.error.serviceableOverOnHand", lang),
                            text("readiness.error.inspectionRequired", lang))
                    .contains("id=\"RADIO.serviceable-error\"", "id=\"VEHICLE.nextInspectionDue-error\"", "value=\"7\"");
        }
        // nothing was saved by the refused forms
        assertThat(admin.get("/api/units/" + unit + "/equipment").json().get("lines").get(0).get("onHand").asInt()).isEqualTo(8);

        WebClient.Page page = commander.get("/readiness/units/" + unit);
        WebClient.Page saved = commander.post("/readiness/units/" + unit + "/equipment", page, Map.of(
                "RADIO.authorised", "10", "RADIO.onHand", "10", "RADIO.serviceable", "10", "RADIO.nextInspectionDue", today.plusDays(30).toString()));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/readiness/units/" + unit + "?saved=equipment#equipment");
        JsonNode after = await(admin, "/api/units/" + unit + "/readiness", n -> n.get("node").get("s").get("level").asInt() == 1);
        assertThat(after.get("node").get("s").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(commander.get("/readiness/units/" + unit + "?saved=equipment&lang=en").body())
                .contains(text("readiness.saved.equipment", "en"), "10 / 10");

        // today's snapshot makes a trend: a chart with its numbers in a table
        maintenance.snapshot();
        WebClient.Page trend = commander.get("/readiness/units/" + unit + "?lang=en");
        assertThat(trend.body()).contains("id=\"trend-chart\"", "id=\"trend-table\"", "&quot;days&quot;:[&quot;" + today)
                .contains(today.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")), "/js/readiness-trend.js")
                .doesNotContain(text("readiness.trend.none", "en"));

        // a training officer reads the page without forms and may not post one
        WebClient trainer = user(admin, "TRAINING_OFFICER");
        WebClient.Page read = trainer.get("/readiness/units/" + unit + "?lang=en");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(text("readiness.override.submit", "en"), text("readiness.equipment.save", "en"));
        assertThat(trainer.post("/readiness/units/" + unit + "/equipment", read, Map.of("RADIO.authorised", "1",
                "RADIO.onHand", "0", "RADIO.serviceable", "0")).status()).isEqualTo(403);
    }

    @Test
    void overrideMayOnlyLowerWithAReasonAndTheRefusalIsTranslated() {
        ApiClient admin = ApiClient.admin(port);
        // no positions and nothing on hand of ten radios: S4, so C4
        long unit = unit(admin, List.of(Map.of("type", "RADIO", "authorised", 10, "onHand", 0, "serviceable", 0)), List.of());
        await(admin, "/api/units/" + unit + "/readiness", n -> n.get("node").get("s").get("level").asInt() == 4);
        WebClient commander = user(admin, "COMMANDER");
        WebClient.Page page = commander.get("/readiness/units/" + unit);
        for (String lang : LANGUAGES) {
            WebClient.Page raise = commander.post("/readiness/units/" + unit + "/override?lang=" + lang, page,
                    Map.of("level", "2", "reason", "Жаттығудан кейін бәрі жақсы"));
            assertThat(raise.status()).isEqualTo(200);
            assertThat(raise.body()).contains(text("readiness.error.raise", lang, "C4"), "Жаттығудан кейін бәрі жақсы");
            if (!lang.equals("en")) {
                assertThat(raise.body()).doesNotContain(text("readiness.error.raise", "en", "C4"), "may only lower");
            }
            WebClient.Page noReason = commander.post("/readiness/units/" + unit + "/override?lang=" + lang, page,
                    Map.of("level", "4", "reason", " "));
            assertThat(noReason.body()).contains(text("readiness.error.reasonRequired", lang));
        }
        assertThat(admin.get("/api/units/" + unit + "/readiness").json().get("node").get("overrideLevel").isNull()).isTrue();

        // equipment in order (C1), then lowered to C3 with a reason: the board shows both
        WebClient.Page saved = commander.post("/readiness/units/" + unit + "/equipment", page, Map.of(
                "RADIO.authorised", "10", "RADIO.onHand", "10", "RADIO.serviceable", "10", "RADIO.nextInspectionDue", today.plusDays(30).toString()));
        assertThat(saved.status()).isEqualTo(302);
        await(admin, "/api/units/" + unit + "/readiness", n -> n.get("node").get("computedLevel").asInt() == 1);
        WebClient.Page lowered = commander.post("/readiness/units/" + unit + "/override", page,
                Map.of("level", "3", "reason", "Радиолар жөндеуде"));
        assertThat(lowered.status()).isEqualTo(302);
        WebClient.Page after = commander.get("/readiness/units/" + unit + "?saved=override&lang=ru");
        assertThat(after.body()).contains(text("readiness.level.3", "ru"), text("readiness.overridden", "ru", "C1"),
                "Радиолар жөндеуде", text("readiness.saved.override", "ru"), text("readiness.override.clear", "ru"));
        String path = admin.get("/api/units/" + unit).json().get("orgPath").asString();
        assertThat(commander.get("/readiness?node=KZ-75&lang=en").body()).contains("data-node=\"" + path + "\"",
                text("readiness.overridden", "en", "C1"));

        WebClient.Page cleared = commander.post("/readiness/units/" + unit + "/override/clear", after, Map.of());
        assertThat(cleared.status()).isEqualTo(302);
        assertThat(admin.get("/api/units/" + unit + "/readiness").json().get("node").get("overrideLevel").isNull()).isTrue();
    }

    @Test
    void memberPanelShowsTheStatusAndReasonsAndTheMemberPageLoadsIt() {
        ApiClient admin = ApiClient.admin(port);
        long unit = unit(admin, List.of());
        long position = admin.get("/api/units/" + unit + "/positions").json().get(0).get("id").asLong();
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Панельұлы");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("unitId", unit);
        m.put("positionId", position);
        long member = admin.postJson("/api/members", m).json().get("id").asLong();
        WebClient commander = user(admin, "COMMANDER");
        Map<String, String> lastTexts = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            WebClient.Page panel = commander.get("/members/" + member + "/readiness?lang=" + lang);
            assertThat(panel.status()).isEqualTo(200);
            // the qualification by its catalogue name in the page's language, never its code
            String radioOperator = Map.of("kk", "Радиобайланысшы", "ru", "Радиотелефонист", "en", "Radio operator").get(lang);
            assertThat(panel.body()).contains(text("readiness.status.NOT_READY", lang),
                    text("readiness.reason.QUALIFICATION_MISSING", lang, radioOperator, ""),
                    text("readiness.severity.BLOCKING", lang), "/readiness/units/" + unit)
                    .doesNotContain("radio_operator");
            lastTexts.put(lang, panel.body());
        }
        assertThat(lastTexts.get("kk")).isNotEqualTo(lastTexts.get("ru"));
        assertThat(commander.get("/members/" + member).body()).contains("hx-get=\"/members/" + member + "/readiness\"");
    }
}
