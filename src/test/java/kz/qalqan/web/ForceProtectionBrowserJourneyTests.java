package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Force protection in a real headless Chromium (issue 5): a road march in July in Shymkent with a WBGT of
 * 31 °C — the training officer prepares its risk assessment, records the weather and sees category 3
 * (YELLOW) with 40/20 work/rest; starting it unapproved is refused; the region's commander approves it
 * with the heat hazard in the worksheet; the march starts, attendance is recorded, an injury is reported and
 * the unit's injury rate on the surveillance dashboard changes. Skipped without Chromium, except on CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForceProtectionBrowserJourneyTests {

    private static final String DAY = "2026-07-14";

    @LocalServerPort
    int port;

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
    void roadMarchInJulyInShymkentFromRiskAssessmentToInjuryRate() throws IOException {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String unitCode = "FPJ-" + tag;
        long unitId = created(admin.postJson("/api/units", Map.of("code", unitCode, "name", "Марш взводы " + tag,
                "type", "PLATOON", "regionCode", "KZ-79")));
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Маршұлы");
        m.put("firstName", "Ержан");
        m.put("regionCode", "KZ-79");
        m.put("unitId", unitId);
        long memberId = created(admin.postJson("/api/members", m));
        String trainer = user(admin, "TRAINING_OFFICER", "KZ-79", tag);
        String commander = user(admin, "COMMANDER", "KZ-79", tag);
        Map<String, Object> e = new HashMap<>();
        e.put("unitId", unitId);
        e.put("title", "Жаяу марш 20 км " + tag);
        e.put("activityType", "ROAD_MARCH");
        e.put("intensity", "MODERATE");
        e.put("startsAt", DAY + "T03:00:00Z");
        e.put("endsAt", DAY + "T09:00:00Z");
        e.put("regionCode", "KZ-79");
        e.put("placeName", "Шымкент, оқу полигоны");
        e.put("capacity", 30);
        e.put("awards", List.of());
        long eventId = created(admin.postJson("/api/training/events", e));
        assertThat(admin.postJson("/api/training/events/" + eventId + "/enrolments", Map.of("memberId", memberId, "confirmFlags", true)).status())
                .isEqualTo(201);
        String eventPage = base + "/training/events/" + eventId;

        // the training officer prepares the assessment from the event and submits it
        signIn(base, trainer, wait);
        driver.get(eventPage);
        WebElement prepare = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Prepare the risk assessment")));
        assertThat(driver.findElement(By.id("safety")).getText()).contains("Not cleared");
        prepare.click();
        wait.until(ExpectedConditions.urlContains("/risk-assessments/new"));
        driver.findElement(By.name("supervisionPlan")).sendKeys("Взвод командирі әр 5 км сайын тексереді, медик колоннаның соңында");
        driver.findElement(By.cssSelector("button.button-primary[name=action][value=save]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/risk-assessments/\\d+(\\?.*)?$"));
        String assessmentPage = driver.getCurrentUrl().replaceAll("\\?.*$", "");
        WebElement submit = driver.findElement(By.cssSelector("form[action$='/submit'] button[type=submit]"));
        submit.click();
        wait.until(HeadlessChromium.replaced(submit));

        // the weather: WBGT 31 °C on the day of the march
        driver.get(eventPage);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("w-day")));
        setValue(driver.findElement(By.id("w-day")), DAY);
        driver.findElement(By.id("w-wbgt")).sendKeys("31");
        driver.findElement(By.cssSelector("#safety form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("safety"), "YELLOW"));
        String safety = driver.findElement(By.id("safety")).getText();
        assertThat(safety).contains("87.8 °F", "3 · YELLOW", "40/20", "The reading was recorded");
        screenshot("fp-1-weather");

        // starting it before approval is refused, with the reason
        driver.findElement(By.cssSelector("form input[name=action][value=start]")).findElement(By.xpath("..")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-bad")));
        assertThat(driver.findElement(By.cssSelector(".notice-bad")).getText()).contains("awaits approval");
        screenshot("fp-2-start-refused");

        // the region's commander sees the heat hazard with its controls and approves
        signOut(base);
        signIn(base, commander, wait);
        driver.get(assessmentPage);
        assertThat(driver.getPageSource()).contains("work 40 min and rest 20 min");
        WebElement approve = driver.findElement(By.cssSelector("form[action$='/approve'] button[type=submit]"));
        approve.click();
        wait.until(HeadlessChromium.replaced(approve));
        screenshot("fp-3-approved");

        // the march starts, attendance is taken, and the unit has exposure but no injury yet
        signOut(base);
        signIn(base, trainer, wait);
        driver.get(eventPage);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("safety"), "Cleared to start"));
        driver.findElement(By.cssSelector("form input[name=action][value=start]")).findElement(By.xpath("..")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dur-" + memberId)));
        new Select(driver.findElement(By.id("att-" + memberId))).selectByValue("PRESENT");
        driver.findElement(By.id("dur-" + memberId)).sendKeys("300");
        driver.findElement(By.id("rpe-" + memberId)).sendKeys("7");
        driver.findElement(By.id("dur-" + memberId)).findElement(By.xpath("ancestor::form")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-ok")));
        String surveillance = base + "/incidents/surveillance?from=2026-07-01&to=2026-07-31";
        assertThat(unitRow(surveillance, unitCode, wait)).contains("0", "1");

        // an injury on the march, reported from the quick form
        driver.get(base + "/incidents/new");
        driver.findElement(By.cssSelector("input[name=kind][value=INJURY]")).click();
        setValue(driver.findElement(By.id("occurredAt")), DAY + "T11:00");
        driver.findElement(By.id("unitCode")).sendKeys(unitCode);
        driver.findElement(By.id("description")).sendKeys("Тізесін жарақаттады, марштың 12-ші шақырымы");
        driver.findElement(By.cssSelector("details.more-details summary")).click();
        new Select(driver.findElement(By.id("activityType"))).selectByValue("ROAD_MARCH");
        driver.findElement(By.id("description")).findElement(By.xpath("ancestor::form")).submit();
        wait.until(d -> !d.getCurrentUrl().contains("/incidents/new"));
        screenshot("fp-4-reported");

        // the unit's injury rate has changed: one injury over one person-day
        List<String> after = unitRow(surveillance, unitCode, wait);
        assertThat(after.get(1)).isEqualTo("1");
        assertThat(after.get(2)).isEqualTo("1");
        assertThat(after.get(3)).startsWith("1");
        screenshot("fp-5-surveillance");
    }

    /** The cells of the unit's row in the dashboard's by-unit table, waiting for the exposure to arrive. */
    private List<String> unitRow(String url, String unitCode, WebDriverWait wait) {
        return wait.until(d -> {
            d.get(url);
            List<WebElement> rows = d.findElements(By.xpath("//h2[@id='units']/following::table[1]//tbody/tr"));
            for (WebElement row : rows) {
                List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                if (!cells.isEmpty() && cells.get(0).contains(unitCode)) {
                    return cells;
                }
            }
            return null;
        });
    }

    /** Date inputs take their value in ISO form through script; typing depends on the browser's locale. */
    private void setValue(WebElement input, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private void signIn(String base, String username, WebDriverWait wait) {
        driver.get(base + "/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password(username));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mainnav")));
        driver.get(base + "/?lang=en");
    }

    private void signOut(String base) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
    }

    private String user(ApiClient admin, String role, String scope, String tag) {
        String username = "fp-" + role.toLowerCase().replace('_', '-') + "-" + tag;
        ApiClient.Response r = admin.postJson("/api/users", Map.of("username", username, "password", password(username),
                "displayName", "Journey " + role, "language", "en", "grants", List.of(Map.of("role", role, "scope", scope))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return username;
    }

    private static String password(String username) {
        return "journey-secret-pass-" + username;
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
