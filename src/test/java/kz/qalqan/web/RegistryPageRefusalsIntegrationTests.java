package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's pages say a rule's refusal in the page's language, from its code: nothing of the old English
 * sentences ("phone number is too short", "must be between -90 and 90") and no "Not accepted: …" wrapper reaches a
 * Kazakh or Russian page, and the import report gives each row's reason in the page's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryPageRefusalsIntegrationTests {

    private static final List<String> ENGLISH = List.of("phone number", "too short", "must be between", "is required",
            "Not accepted", "not a skill tag", "fields but the header");

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void theMemberFormRefusesInThePagesLanguage(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        WebClient browser = admin();
        WebClient.Page form = browser.get("/members/new?lang=" + language);
        Map<String, String> fields = fields(TestIins.random());
        fields.put("phone", "701123456");
        fields.put("lat", "95");
        fields.put("lon", "76.9");
        fields.put("firstName", "");
        fields.put("skills", "ok, bad tag!");

        WebClient.Page page = browser.post("/members", form, fields);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(text("shared.phone.tooShort", locale))
                .contains(text("shared.geo.latitude", locale, -90, 90))
                .contains(text("error.required", locale))
                .contains(text("registry.member.skillTag", locale, "bad tag!"));
        assertThat(ENGLISH).noneMatch(page.body()::contains);
        assertThat(englishSentences()).noneMatch(page.body()::contains);
        assertThat(page.body()).doesNotContain(messages.getMessage("error.invalid", new Object[]{""}, locale).strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void theImportReportGivesEachReasonInThePagesLanguage(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        WebClient browser = admin();
        String csv = "iin,last_name,first_name,region,phone\n"
                + TestIins.random() + ",Нұрланов,Дәулет,KZ-75,701123456\n"
                + TestIins.random() + ",Серікова,KZ-75\n";
        WebClient.Page form = browser.get("/imports?lang=" + language);

        WebClient.Page started = browser.upload("/imports", form, Map.of("mode", "all-or-nothing"), "file", "members.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.toString()).isEqualTo(302);
        WebClient.Page report = finished(browser, started.location().substring(started.location().indexOf("/imports/")));

        assertThat(report.body())
                .contains(text("shared.phone.tooShort", locale))
                .contains(text("registry.import.rowWidth", locale, 3, 5));
        assertThat(ENGLISH).noneMatch(report.body()::contains);
        assertThat(englishSentences()).noneMatch(report.body()::contains);
    }

    /** Reports written before reasons had codes carry an English sentence only; their page still opens and shows it. */
    @Test
    void aReportStoredBeforeTheCodesStillOpens() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into registry.import_job (id, kind, mode, file_name, status, started_by, total, accepted, rejected,
                    report, finished_at)
                values (?, 'members', 'ALL_OR_NOTHING', 'old.csv', 'REJECTED', 'admin', 1, 0, 1, ?, now())""")
                .params(id, """
                        {"id":"%s","mode":"ALL_OR_NOTHING","status":"REJECTED","total":1,"accepted":0,"rejected":1,
                         "errors":[{"line":2,"column":"unit","value":"X-1","message":"unknown unit code"}],
                         "warnings":[],"truncated":false}""".formatted(id))
                .update();

        WebClient.Page page = admin().get("/imports/" + id);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("unknown unit code").contains("X-1");
    }

    @Test
    void theApiGivesTheCodeAndArgumentsOfEachProblem() {
        ApiClient api = ApiClient.admin(port);
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("iin", TestIins.random());
        member.put("lastName", "Сәрсенбаев");
        member.put("firstName", "Нұрлан");
        member.put("regionCode", "KZ-11");
        member.put("districtId", 999_999);
        member.put("phone", "8 727 255 66 77");

        var r = api.postJsonIn("ru", "/api/members", member);

        assertThat(r.status()).isEqualTo(400);
        JsonNode errors = r.json().get("errors");
        assertThat(errors.findValuesAsString("code")).contains("shared.phone.landline", "registry.district.unknown");
        for (JsonNode e : errors) {
            if (e.get("code").asString().equals("registry.district.unknown")) {
                assertThat(e.get("field").asString()).isEqualTo("districtId");
                assertThat(e.get("args").get(0).asString()).isEqualTo("999999");
                assertThat(e.get("message").asString()).isEqualTo(messages.getMessage("registry.district.unknown",
                        new Object[]{"999999"}, Locale.forLanguageTag("ru")));
            }
        }
    }

    @Test
    void aTakenUnitCodeIsAConflictWithItsCode() {
        ApiClient api = ApiClient.admin(port);
        String code = "RC-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> unit = Map.of("code", code, "name", "Сынақ взводы", "type", "PLATOON", "regionCode", "KZ-75");
        assertThat(api.postJson("/api/units", unit).status()).isEqualTo(201);

        var again = api.postJsonIn("en", "/api/units", unit);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("registry.unit.codeTaken");
        assertThat(again.json().get("args").get(0).asString()).isEqualTo(code);
        assertThat(again.json().get("detail").asString()).isEqualTo("The unit code " + code + " is already used.");
    }

    /** The English refusals of the registry and the shared values, cut at their arguments, as a page would show them. */
    private static List<String> englishSentences() throws java.io.IOException {
        List<String> sentences = new java.util.ArrayList<>();
        for (String family : List.of("registry", "shared")) {
            java.util.Properties english = new java.util.Properties();
            try (var in = RegistryPageRefusalsIntegrationTests.class.getResourceAsStream("/messages/" + family + ".properties")) {
                english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String text : english.stringPropertyNames().stream().map(english::getProperty).toList()) {
                for (String part : text.replace("''", "'").split("\\{\\d+}")) {
                    if (part.strip().length() >= 12) {
                        sentences.add(part.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                                .replace("\"", "&quot;").replace("'", "&#39;"));
                    }
                }
            }
        }
        return sentences;
    }

    private WebClient admin() {
        return new WebClient(port).signIn("admin", "test-admin-password-1");
    }

    private static WebClient.Page finished(WebClient browser, String path) throws InterruptedException {
        WebClient.Page report = browser.get(path + "/status");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (report.body().contains("hx-trigger=\"every 1s\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            report = browser.get(path + "/status");
        }
        return report;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static Map<String, String> fields(String iin) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("iin", iin);
        f.put("lastName", "Қасымова");
        f.put("firstName", "Айгерім");
        f.put("middleName", "");
        f.put("birthDate", "");
        f.put("sex", "");
        f.put("category", "volunteer");
        f.put("regionCode", "KZ-75");
        f.put("districtId", "");
        f.put("unit", "");
        f.put("positionId", "");
        f.put("skills", "");
        f.put("phone", "");
        f.put("email", "");
        f.put("language", "kk");
        f.put("lat", "");
        f.put("lon", "");
        return f;
    }
}
