package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's journey in a real headless Chromium: a medical officer records an unfit exam for the only
 * holder of a unit's position through the member page's medical panel; the commander then sees on the
 * readiness board and the unit page that the unit's P-level dropped, and why. Skipped where Chromium is
 * not installed, except on CI ({@code CI=true}), which must run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadinessBrowserJourneyTests {

    private static final Locale KK = Locale.forLanguageTag("kk");

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    HeadlessChromium browser;
    WebDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start(1366, 1000);
        driver = browser.driver();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anUnfitExamRecordedByTheMedicalOfficerDropsTheUnitsPLevelAndTheBoardSaysWhy() throws IOException {
        String base = "http://localhost:" + port;
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);

        // a platoon in Almaty with one medic post (first aid, FIT), held by a member who has it all
        ApiClient.Response unitCreated = admin.postJson("/api/units", Map.of("code", "RJ-" + tag, "name", "Журнал взводы " + tag,
                "type", "PLATOON", "regionCode", "KZ-75", "positions", List.of(
                        Map.of("title", "Санитар", "requiredQualifications", List.of("first_aid"), "medicalStandard", "FIT"))));
        assertThat(unitCreated.status()).as(unitCreated.toString()).isEqualTo(201);
        long unit = unitCreated.json().get("id").asLong();
        String unitPath = admin.get("/api/units/" + unit).json().get("orgPath").asString();
        long position = admin.get("/api/units/" + unit + "/positions").json().get(0).get("id").asLong();
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Журналұлы");
        m.put("firstName", "Дәурен");
        m.put("regionCode", "KZ-75");
        m.put("unitId", unit);
        m.put("positionId", position);
        ApiClient.Response memberCreated = admin.postJson("/api/members", m);
        assertThat(memberCreated.status()).as(memberCreated.toString()).isEqualTo(201);
        long member = memberCreated.json().get("id").asLong();
        ApiClient.Response award = admin.postJson("/api/members/" + member + "/qualifications", Map.of("code", "first_aid",
                "awardedOn", today.minusMonths(2).toString(), "evidence", "Course certificate"));
        assertThat(award.status()).as(award.toString()).isEqualTo(201);

        String medicName = user(admin, "MEDICAL_OFFICER", "en", tag);
        String commanderName = user(admin, "COMMANDER", "kk", tag);
        ApiClient medicApi = new ApiClient(port, medicName, password(medicName));
        ApiClient.Response fit = medicApi.postJson("/api/members/" + member + "/medical/exams", Map.of(
                "examinedOn", today.minusMonths(1).toString(), "result", "FIT", "examiner", "Dr Journey"));
        assertThat(fit.status()).as(fit.toString()).isEqualTo(201);
        JsonNode ready = await(admin, "/api/units/" + unit + "/readiness",
                n -> n.get("node").get("counts").get("ready").asLong() == 1);
        assertThat(ready.get("node").get("p").get("level").asInt()).as("the one post is filled by a qualified, fit member").isEqualTo(1);

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

        // the commander sees P1 on the unit page first
        signIn(base, commanderName, wait);
        driver.get(base + "/readiness/units/" + unit);
        assertThat(driver.findElement(By.id("unit-p")).getText()).contains("P1");
        screenshot("readiness-1-unit-before");
        signOut(wait);

        // the medical officer records an UNFIT exam through the member page's medical panel (htmx)
        signIn(base, medicName, wait);
        driver.get(base + "/members/" + member);
        WebElement examForm = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#medical form[action$='/medical/exams']")));
        WebElement examinedOn = examForm.findElement(By.id("examinedOn"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", examinedOn, today.toString());
        new Select(examForm.findElement(By.id("result"))).selectByValue("UNFIT");
        examForm.findElement(By.id("examiner")).sendKeys("Dr Journey");
        screenshot("readiness-2-exam-form");
        examForm.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#medical .notice-ok")));
        // the member's own readiness panel turns NOT_READY once the page is read again
        driver.navigate().refresh();
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("member-readiness-status")));
        Locale pageLocale = Locale.forLanguageTag(driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertThat(status.getText()).isEqualTo(messages.getMessage("readiness.status.NOT_READY", null, pageLocale));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", status);
        screenshot("readiness-3-member-not-ready");
        signOut(wait);

        // the commander opens the board: the unit's row shows P4, and its "why" and the unit page say why
        signIn(base, commanderName, wait);
        String p4 = "P4";
        String row = "tr[data-node='" + unitPath + "']";
        wait.until(d -> {
            d.get(base + "/readiness?node=KZ-75&level=4");
            List<WebElement> rows = d.findElements(By.cssSelector(row));
            return !rows.isEmpty() && rows.get(0).findElements(By.tagName("td")).get(1).getText().contains(p4);
        });
        WebElement unitRow = driver.findElement(By.cssSelector(row));
        assertThat(unitRow.findElements(By.tagName("td")).get(5).getText()).contains("C4");
        unitRow.findElement(By.cssSelector("summary")).click();
        WebElement why = wait.until(ExpectedConditions.presenceOfNestedElementLocatedBy(unitRow, By.cssSelector(".rexplanations")));
        String kkCause = messages.getMessage("readiness.cause.P.NO_VALID_EXAM", new Object[]{1L, 1L, "", "P4"}, KK);
        assertThat(why.getText()).contains(kkCause);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", unitRow);
        screenshot("readiness-4-board-why");

        unitRow.findElement(By.cssSelector("th a")).click();
        wait.until(ExpectedConditions.urlContains("/readiness/units/" + unit));
        assertThat(driver.findElement(By.id("unit-p")).getText()).contains(p4).contains("0 / 1");
        assertThat(driver.findElement(By.id("unit-level")).getText())
                .contains(messages.getMessage("readiness.level.4", null, KK));
        assertThat(driver.findElement(By.id("unit-why")).getText()).contains(kkCause)
                .contains(messages.getMessage("readiness.raise.P", new Object[]{1L, "P4", "P3"}, KK));
        screenshot("readiness-5-unit-after");

        // the national board with its map, for the record
        signOut(wait);
        signIn(base, "admin", "test-admin-password-1", wait);
        driver.get(base + "/readiness");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#readiness-map .leaflet-interactive")));
        assertThat(driver.findElements(By.cssSelector("#readiness-map path.leaflet-interactive")).size()).isGreaterThanOrEqualTo(17);
        screenshot("readiness-6-national-map");
    }

    private String user(ApiClient admin, String role, String language, String tag) {
        String username = "rj-" + role.toLowerCase().replace('_', '-') + "-" + tag;
        ApiClient.Response r = admin.postJson("/api/users", Map.of("username", username, "password", password(username),
                "displayName", "Journey " + role, "language", language,
                "grants", List.of(Map.of("role", role, "scope", "KZ-75"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return username;
    }

    private static String password(String username) {
        return "journey-secret-pass-" + username;
    }

    private void signIn(String base, String username, WebDriverWait wait) {
        signIn(base, username, password(username), wait);
    }

    private void signIn(String base, String username, String password, WebDriverWait wait) {
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mainnav")));
    }

    private void signOut(WebDriverWait wait) {
        driver.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mainnav"))));
    }

    private static JsonNode await(ApiClient client, String path, java.util.function.Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            ApiClient.Response r = client.get(path);
            if (r.status() == 200) {
                last = r.json();
                if (done.test(last)) {
                    return last;
                }
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

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
