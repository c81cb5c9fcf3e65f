package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each main form, submitted with bad input in a real browser in Kazakh and in Russian, answers in that language:
 * the page shows its refusals and no sentence of the English bundle, nor any run of English words a rule might have
 * written itself. The browser's own checks are switched off, so that the server's rules answer. Skipped without
 * Chromium, except on CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputBrowserTests {

    /** Four English words in a row: no page in Kazakh or Russian says that unless a rule wrote English. */
    private static final Pattern ENGLISH_RUN = Pattern.compile("\\b[A-Za-z]{2,}(?:[ ,:]+[a-z]{2,}){3,}\\b");

    @LocalServerPort
    int port;

    HeadlessChromium browser;
    WebDriver driver;
    WebDriverWait wait;
    String base;
    final Map<String, Long> ids = new HashMap<>();
    List<String> englishSentences;

    @BeforeAll
    void startBrowserAndPrepareRecords() throws IOException {
        browser = HeadlessChromium.start(1366, 1000);
        driver = browser.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        base = "http://localhost:" + port;
        englishSentences = englishSentences();

        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long unitId = created(admin.postJson("/api/units", Map.of("code", "BAD-" + tag, "name", "Тексеру взводы " + tag,
                "type", "PLATOON", "regionCode", "KZ-75")));
        Map<String, Object> member = new HashMap<>();
        member.put("iin", TestIins.random());
        member.put("lastName", "Тексерұлы");
        member.put("firstName", "Асқар");
        member.put("regionCode", "KZ-75");
        member.put("unitId", unitId);
        ids.put("unit", unitId);
        ids.put("member", created(admin.postJson("/api/members", member)));
        ids.put("emergency", created(admin.postJson("/api/emergencies", Map.of("title", "Су тасқыны " + tag, "type",
                "FLOOD", "severity", "SEVERE", "area", Map.of("regionCodes", List.of("KZ-75"))))));

        String username = "bad-input-" + tag;
        List<Map<String, String>> grants = new ArrayList<>();
        for (String role : List.of("ADMIN", "COMMANDER", "TRAINING_OFFICER", "SAFETY_OFFICER", "MEDICAL_OFFICER",
                "EMERGENCY_COORDINATOR")) {
            grants.add(Map.of("role", role, "scope", "KZ"));
        }
        ApiClient.Response user = admin.postJson("/api/users", Map.of("username", username,
                "password", password(username), "displayName", "Тексеруші " + tag, "language", "kk", "grants", grants));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        driver.get(base + "/login?lang=kk");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password(username));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mainnav")));
    }

    @AfterAll
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** A form: the page that shows it, the form's action (the end of it), and bad values by field name. */
    record BadForm(String name, String page, String action, Map<String, String> values) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> forms() {
        List<BadForm> forms = List.of(
                new BadForm("member", "/members/new", "/members", values(
                        "iin", "123456789012", "lastName", "", "firstName", "", "phone", "12345", "email", "пошта-емес",
                        "birthDate", "31.02.1990", "lat", "95", "lon", "200", "regionCode", "KZ-75")),
                new BadForm("incident", "/incidents/new", "/incidents", values(
                        "occurredAt", "31.02.2026 10:00", "lat", "95", "lon", "500", "lostDays", "-3", "description", "",
                        "unitCode", "ЖОҚ-БӨЛІМШЕ", "kind", "ЖОҚ")),
                new BadForm("risk assessment", "/risk-assessments/new", "/risk-assessments", values(
                        "title", "", "beginsOn", "31.02.2026", "endsOn", "01.01.2020", "unitId", "999999999")),
                new BadForm("training event", "/training/events/new", "/training/events", values(
                        "title", "", "startsAt", "31.02.2026 10:00", "endsAt", "01.01.2020 10:00", "capacity", "-5",
                        "lat", "95", "lon", "500", "unitId", "999999999")),
                new BadForm("user", "/admin/users/new", "/admin/users", values(
                        "username", "a", "password", "123", "displayName", "")),
                new BadForm("password", "/account", "/account/password", values(
                        "currentPassword", "дұрыс-емес", "newPassword", "123")),
                new BadForm("emergency", "/emergencies/new", "/emergencies", values(
                        "title", "", "circleRadiusKm", "5000", "polygon", "жоқ", "type", "ЖОҚ")),
                new BadForm("readiness override", "/readiness/units/" + ids.get("unit"), "/override", values(
                        "level", "C9", "reason", "")),
                new BadForm("medical exam", "/members/" + ids.get("member") + "/medical", "/medical/exams", values(
                        "examinedOn", "31.02.2026", "result", "ЖОҚ", "examiner", "")),
                new BadForm("task", "/emergencies/" + ids.get("emergency") + "/tasks", "/tasks", values(
                        "title", "", "priority", "9", "lat", "95", "lon", "500", "type", "ЖОҚ")),
                // well-formed values that the rules refuse, past the forms' own parsing
                new BadForm("risk assessment rules", "/risk-assessments/new", "/risk-assessments", values(
                        "title", "Тексеру", "beginsOn", "2026-12-20", "endsOn", "2026-12-01", "unitId", "999999999")),
                new BadForm("incident rules", "/incidents/new", "/incidents", values(
                        "occurredAt", "2030-01-01T10:00", "unitCode", "ЖОҚ-БӨЛІМШЕ", "lostDays", "400",
                        "description", "Тексеру")),
                new BadForm("training event rules", "/training/events/new", "/training/events", values(
                        "title", "Тексеру", "startsAt", "2026-12-20T10:00", "endsAt", "2026-12-20T08:00",
                        "capacity", "5", "unitId", String.valueOf(ids.get("unit")))),
                new BadForm("emergency rules", "/emergencies/new", "/emergencies", values(
                        "title", "Тексеру", "circleCentre", "43.2,76.9", "circleRadiusKm", "5000")),
                new BadForm("medical exam rules", "/members/" + ids.get("member") + "/medical", "/medical/exams", values(
                        "examinedOn", "2030-01-01", "result", "TEMPORARILY_UNFIT", "examiner", "Дәрігер")),
                new BadForm("member rules", "/members/new", "/members", values(
                        "iin", "000000000000", "lastName", "Тексерұлы", "firstName", "Асқар", "phone", "+7 701 123",
                        "birthDate", "2030-01-01", "regionCode", "KZ-75")));
        List<Arguments> cases = new ArrayList<>();
        for (BadForm form : forms) {
            cases.add(Arguments.of(form, "kk"));
            cases.add(Arguments.of(form, "ru"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("forms")
    void aFormWithBadInputAnswersInThePagesLanguage(BadForm form, String language) throws IOException {
        driver.get(base + form.page() + (form.page().contains("?") ? "&" : "?") + "lang=" + language);
        WebElement target = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("form[action$='" + form.action() + "']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].noValidate = true", target);
        form.values().forEach((field, value) -> fill(target, field, value));
        List<WebElement> primary = target.findElements(By.cssSelector("button.button-primary[type=submit]"));
        WebElement submit = primary.isEmpty()
                ? target.findElement(By.cssSelector("button[type=submit], input[type=submit]")) : primary.get(0);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", submit);
        wait.until(HeadlessChromium.replaced(submit));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        browser.screenshot("bad-input-" + form.name().replace(' ', '-') + "-" + language);

        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(driver.findElements(By.cssSelector(".field-error, .notice-bad, .error-reason, [role=alert]")))
                .as("%s in %s shows a refusal", form, language).isNotEmpty();
        assertThat(englishSentences.stream().filter(page::contains).toList())
                .as("English bundle sentences on the %s form in %s", form, language).isEmpty();
        List<String> runs = new ArrayList<>();
        Matcher m = ENGLISH_RUN.matcher(page);
        while (m.find()) {
            runs.add(m.group());
        }
        assertThat(runs).as("English words on the %s form in %s:%n%s", form, language, page).isEmpty();
    }

    /** Sets a field whatever its kind: a value a select does not offer is added to it, as a crafted request would. */
    private void fill(WebElement form, String name, String value) {
        List<WebElement> fields = form.findElements(By.name(name));
        if (fields.isEmpty()) {
            return; // the form has no such field (a form shaped by role or state); the others still refuse
        }
        ((JavascriptExecutor) driver).executeScript("""
                const f = arguments[0], v = arguments[1];
                if (f.tagName === 'SELECT') {
                  if (![...f.options].some(o => o.value === v)) { f.add(new Option(v, v)); }
                  f.value = v;
                } else {
                  if (f.type !== 'hidden' && f.type !== 'checkbox') { f.type = 'text'; }
                  f.removeAttribute('required'); f.removeAttribute('pattern'); f.removeAttribute('min'); f.removeAttribute('max');
                  f.value = v;
                }
                """, fields.get(0), value);
    }

    /**
     * The English bundle's texts that a Kazakh or Russian page must not show: each text's longest stretch between
     * placeholders, where it has at least three words and differs from its Russian text.
     */
    private static List<String> englishSentences() throws IOException {
        Properties english = new Properties();
        Properties russian = new Properties();
        Path bundles = Path.of("src/main/resources/messages");
        try (Stream<Path> files = Files.list(bundles)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                Properties into = name.matches("[a-z]+\\.properties") ? english
                        : name.matches("[a-z]+_ru\\.properties") ? russian : null;
                if (into != null) {
                    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        into.load(in);
                    }
                }
            }
        }
        List<String> sentences = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            if (text.equals(russian.getProperty(key))) {
                continue;
            }
            String longest = "";
            for (String part : text.split("\\{[^}]*}")) {
                if (part.strip().length() > longest.length()) {
                    longest = part.strip().replace("''", "'");
                }
            }
            if (longest.split("\\s+").length >= 3) {
                sentences.add(longest);
            }
        }
        return sentences;
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static String password(String username) {
        return "bad-input-secret-pass-" + username;
    }
}
