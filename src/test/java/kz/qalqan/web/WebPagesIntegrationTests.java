package kz.qalqan.web;

import kz.qalqan.registry.ImportMode;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberImport;
import kz.qalqan.registry.MemberSearch;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.registry.UnitCommand;
import kz.qalqan.registry.UnitType;
import kz.qalqan.shared.Iin;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff pages over real HTTP, signed in through the login form like a browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPagesIntegrationTests {

    static final Locale KK = Locale.forLanguageTag("kk");
    static final Locale RU = Locale.forLanguageTag("ru");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    OrgStructure org;

    @Autowired
    MemberDirectory members;

    @Autowired
    MemberImport imports;

    Unit unit;

    @BeforeEach
    void unit() {
        String code = "WEB-" + UUID.randomUUID().toString().substring(0, 8);
        unit = org.createUnit(new UnitCommand(code, "Веб взводы", UnitType.PLATOON, "KZ-75", null, null, null, null,
                List.of(new UnitCommand.PositionCommand("Взвод командирі", List.of("leadership"), "FIT"))));
    }

    WebClient admin() {
        return new WebClient(port).signIn("admin", "test-admin-password-1");
    }

    String text(String key, Locale locale, Object... args) {
        return escape(messages.getMessage(key, args, locale));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        WebClient.Page page = new WebClient(port).get("/");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
    }

    @Test
    void loginPageIsKazakhByDefaultAndKeepsAChosenLanguage() {
        WebClient browser = new WebClient(port);

        WebClient.Page kazakh = browser.get("/login");
        assertThat(kazakh.status()).isEqualTo(200);
        assertThat(kazakh.body()).contains("lang=\"kk\"").contains(text("login.heading", KK));

        WebClient.Page russian = browser.get("/login?lang=ru");
        assertThat(russian.body()).contains("lang=\"ru\"").contains(text("login.heading", RU))
                .doesNotContain(text("login.heading", KK));

        WebClient.Page again = browser.get("/login");
        assertThat(again.body()).as("the choice sticks").contains("lang=\"ru\"").contains(text("login.heading", RU));

        assertThat(browser.get("/login?lang=de").body()).as("unknown languages are ignored").contains("lang=\"ru\"");
    }

    @Test
    void wrongPasswordShowsTheLoginErrorInKazakh() {
        WebClient browser = new WebClient(port);
        WebClient.Page login = browser.get("/login");

        WebClient.Page failed = browser.post("/login", login, Map.of("username", "admin", "password", "wrong-password"));
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains(text("login.error", KK));
    }

    @Test
    void everyStaffPageAnswersWithinTheContentSecurityPolicy() {
        WebClient browser = admin();
        for (String path : List.of("/", "/org", "/org/regions/KZ-75", "/org/units/" + unit.id(), "/members",
                "/members?q=a&region=KZ-75&unit=" + unit.id() + "&sub=true&status=ACTIVE", "/members/new", "/imports")) {
            WebClient.Page page = browser.get(path);

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'").contains("style-src 'self'");
            // the WebJars locator may write the version into the link; the version-less path works too (below)
            assertThat(page.body()).as(path).containsPattern("src=\"/webjars/htmx.org/([\\d.]+/)?dist/htmx.min.js\"")
                    .contains("src=\"/js/qalqan.js\"")
                    .contains("name=\"_csrf\"").contains("name=\"_csrf_header\"");
            assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as(path + " has an inline <script>").isFalse();
            assertThat(STYLE_ATTRIBUTE.matcher(page.body()).find()).as(path + " has a style attribute").isFalse();
            assertThat(INLINE_HANDLER.matcher(page.body()).find()).as(path + " has an inline event handler").isFalse();
            assertThat(page.body()).as(path + " lacks a message").doesNotContain("??");
        }
        WebClient.Page htmx = browser.get("/webjars/htmx.org/dist/htmx.min.js");
        assertThat(htmx.status()).as("htmx resolves without a version in the path").isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void dashboardCountsMembersPerRegion() {
        WebClient browser = admin();
        long before = members.countsByRegion().getOrDefault("KZ-75", 0L);
        register(browser, TestIins.random(), lastName());

        WebClient.Page dashboard = browser.get("/");

        assertThat(dashboard.body()).contains(text("dashboard.byRegion", KK))
                .containsPattern("href=\"/members\\?region=KZ-75\">[^<]+</a></td>\\s*<td class=\"num\">" + (before + 1) + "<");
    }

    @Test
    void aMemberRegisteredThroughTheFormCanBeFound() {
        WebClient browser = admin();
        String iin = TestIins.random();
        String lastName = lastName();

        WebClient.Page saved = register(browser, iin, lastName);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(saved.location()).matches(".*/members/\\d+");

        WebClient.Page detail = browser.get(saved.location());
        assertThat(detail.body()).contains(lastName + " Айгерім").contains(iin).contains(text("member.saved", KK))
                .contains(unit.code()).contains("Взвод командирі");

        WebClient.Page byName = browser.get("/members?q=" + lastName.toLowerCase(Locale.ROOT));
        assertThat(byName.body()).contains(iin).contains(lastName);
        WebClient.Page byIin = browser.get("/members?q=" + iin);
        assertThat(byIin.body()).contains(lastName);
        WebClient.Page byUnit = browser.get("/org/units/" + unit.id());
        assertThat(byUnit.body()).as("the position shows its holder").contains(lastName + " Айгерім");
    }

    @Test
    void editingKeepsTheAssignmentHistory() {
        WebClient browser = admin();
        WebClient.Page saved = register(browser, TestIins.random(), lastName());
        String path = saved.location().substring(saved.location().indexOf("/members/"));

        WebClient.Page edit = browser.get(path + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"" + unit.code() + "\"");
        Map<String, String> form = formFields(edit.body());
        form.put("unit", "");
        form.put("positionId", "");
        form.put("status", "INACTIVE");
        WebClient.Page updated = browser.post(path, edit, form);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(302);

        WebClient.Page detail = browser.get(path);
        assertThat(detail.body()).contains(text("status.INACTIVE", KK)).contains(text("member.history", KK))
                .contains(unit.code());
    }

    @Test
    void aBadIinIsExplainedNextToTheFieldAndTheTypedTextStays() {
        WebClient browser = admin();
        String valid = TestIins.random();
        String badIin = valid.substring(0, 11) + ((valid.charAt(11) - '0' + 1) % 10);
        WebClient.Page form = browser.get("/members/new");

        WebClient.Page page = browser.post("/members", form, fields(badIin, "Қасымова", "abc"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .containsPattern("id=\"iin-error\"[^>]*>\\s*" + Pattern.quote(text("iin.problem.CHECK_DIGIT", KK)))
                .containsPattern("aria-invalid=\"true\"[^>]*id=\"iin\"")
                .containsPattern("id=\"lastName\" name=\"lastName\" value=\"Қасымова\"")
                .containsPattern("id=\"lat-error\"[^>]*>\\s*" + Pattern.quote(text("error.decimal", KK)))
                .contains("value=\"" + badIin + "\"");
        assertThat(members.search(new MemberSearch(valid.substring(0, 11), null, null, false, null, null, 10, null)).items())
                .noneMatch(m -> m.iin().equals(badIin));
    }

    @Test
    void aDuplicateIinIsRefusedAtTheIinField() {
        WebClient browser = admin();
        String iin = TestIins.random();
        assertThat(register(browser, iin, lastName()).status()).isEqualTo(302);

        WebClient.Page again = register(browser, iin, lastName());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).containsPattern("id=\"iin-error\"[^>]*>\\s*" + Pattern.quote(text("registry.member.duplicateIin", KK)));
    }

    @Test
    void missingRecordsShowTheNotFoundPage() {
        WebClient browser = admin();
        for (String path : List.of("/members/999999999", "/members/999999999/edit", "/org/units/999999999",
                "/org/regions/KZ-00", "/imports/" + UUID.randomUUID(), "/members/not-a-number", "/no-such-page")) {
            WebClient.Page page = browser.get(path);

            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains(text("error.404.heading", KK)).doesNotContain("Exception");
        }
    }

    @Test
    void anUploadedFileIsImportedAndReported() throws Exception {
        WebClient browser = admin();
        String good = TestIins.random();
        String bad = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        String csv = "iin,last_name,first_name,region\n" + good + ",Нұрланов,Дәулет,KZ-75\n" + bad + ",Серікова,Әйгерім,KZ-75\n"
                + good + ",Нұрланов,Дәулет,KZ-75\n";
        WebClient.Page form = browser.get("/imports");

        WebClient.Page started = browser.upload("/imports", form, Map.of("mode", "all-or-nothing"), "file", "members.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(started.status()).as(started.toString()).isEqualTo(302);
        String path = started.location().substring(started.location().indexOf("/imports/"));

        WebClient.Page report = browser.get(path + "/status");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (report.body().contains("hx-trigger=\"every 1s\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            report = browser.get(path + "/status");
        }
        assertThat(report.body()).contains("id=\"import-errors\"")
                .containsPattern("<td class=\"num\">3</td>\\s*<td class=\"mono\">iin</td>")
                .contains(text("iin.problem.CHECK_DIGIT", KK))
                .containsPattern("<td class=\"num\">4</td>\\s*<td class=\"mono\">iin</td>")
                .contains(text("imports.issue.repeated", KK, "2"))
                .contains(text("imports.nothingWritten", KK));
        assertThat(members.search(new MemberSearch(good, null, null, false, null, null, 10, null)).items()).isEmpty();
        assertThat(browser.get("/imports").body()).contains("members.csv");
    }

    @Test
    void theExampleFileIsAValidImport() {
        WebClient.Page example = admin().get("/imports/example.csv");

        assertThat(example.status()).isEqualTo(200);
        assertThat(example.header("Content-Type")).startsWith("text/csv");
        assertThat(example.header("Content-Disposition")).contains("attachment");
        assertThat(example.body()).contains("iin,last_name,first_name,middle_name");
        ImportReport report = imports.importMembers(new ByteArrayInputStream(example.body().getBytes(StandardCharsets.UTF_8)),
                ImportMode.ACCEPT_VALID, "test", "example.csv");
        assertThat(report.errors()).as("the example breaks no rule (a repeated run finds its IINs taken)")
                .allMatch(e -> e.code().equals("imports.issue.registered"));
        assertThat(report.total()).isEqualTo(3);
    }

    private WebClient.Page register(WebClient browser, String iin, String lastName) {
        WebClient.Page form = browser.get("/members/new");
        Map<String, String> fields = fields(iin, lastName, "");
        fields.put("unit", unit.code());
        fields.put("positionId", String.valueOf(org.positions(unit.id()).get(0).id()));
        return browser.post("/members", form, fields);
    }

    private static Map<String, String> fields(String iin, String lastName, String lat) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("iin", iin);
        f.put("lastName", lastName);
        f.put("firstName", "Айгерім");
        f.put("middleName", "");
        f.put("birthDate", "");
        f.put("sex", "");
        f.put("category", "volunteer");
        f.put("regionCode", "KZ-75");
        f.put("districtId", "");
        f.put("unit", "");
        f.put("positionId", "");
        f.put("skills", "driver, medic");
        f.put("phone", "+7 701 123 4567");
        f.put("email", "");
        f.put("language", "kk");
        f.put("lat", lat);
        f.put("lon", "");
        return f;
    }

    /** The current values of a rendered form's inputs and selects, as a browser would submit them. */
    private static Map<String, String> formFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        var inputs = Pattern.compile("<input[^>]*\\sname=\"([^\"]+)\"[^>]*\\svalue=\"([^\"]*)\"").matcher(html);
        while (inputs.find()) {
            if (!inputs.group(1).equals("_csrf")) {
                fields.put(inputs.group(1), unescape(inputs.group(2)));
            }
        }
        var selects = Pattern.compile("<select[^>]*\\sname=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        while (selects.find()) {
            var selected = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected").matcher(selects.group(2));
            fields.put(selects.group(1), selected.find() ? selected.group(1) : "");
        }
        return fields;
    }

    /** A fresh Kazakh-looking surname, so tests never find each other's members. */
    static String lastName() {
        String letters = "абвгдеәғқңөұүіжзклмнпрстш";
        StringBuilder s = new StringBuilder("Сынақ");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 7; i++) {
            s.append(letters.charAt(r.nextInt(letters.length())));
        }
        return s.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static boolean validIin(String s) {
        return Iin.isValid(s);
    }
}
