package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Emergency response in a real headless Chromium (issue 6). This skeleton covers the coordinator's part: an Atyrau
 * coordinator signs in, declares a flood over part of Atyrau region through the form (a click on the map sets a
 * circle's centre, then the exact centre and radius are typed), lands on the overview with the area drawn, and
 * stands the emergency down. The selection, call-up, accountability, tasking and SITREP steps of the issue's
 * journey are added after it. Skipped without Chromium, except on CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmergencyBrowserJourneyTests {

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
    void aCoordinatorDeclaresAFloodNearAtyrauAndStandsItDown() throws IOException {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String coordinator = user(admin, "EMERGENCY_COORDINATOR", "KZ-23", tag);
        String title = "Flood on the Ural near Atyrau " + tag;

        signIn(base, coordinator, wait);
        driver.get(base + "/emergencies");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("declare"))).click();
        wait.until(ExpectedConditions.urlContains("/emergencies/new"));

        driver.findElement(By.id("title")).sendKeys(title);
        new Select(driver.findElement(By.id("type"))).selectByValue("FLOOD");
        new Select(driver.findElement(By.id("severity"))).selectByValue("SEVERE");
        driver.findElement(By.id("exercise")).click();
        driver.findElement(By.id("description")).sendKeys("The Ural is over its banks south of the city");

        // the map is drawn from the bundled regions; a click in circle mode fills the centre and a default radius
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#draw-map path.leaflet-interactive")));
        new Actions(driver).moveToElement(driver.findElement(By.id("draw-map"))).click().perform();
        wait.until(d -> !d.findElement(By.id("circleCentre")).getDomProperty("value").isBlank());
        assertThat(driver.findElement(By.id("circleRadiusKm")).getDomProperty("value")).isEqualTo("25");
        screenshot("emergency-1-map-click");

        // the exact centre typed over the click: Atyrau city, 40 km
        WebElement centre = driver.findElement(By.id("circleCentre"));
        centre.clear();
        centre.sendKeys("47.107,51.914");
        WebElement radius = driver.findElement(By.id("circleRadiusKm"));
        radius.clear();
        radius.sendKeys("40");
        screenshot("emergency-2-form");
        driver.findElement(By.id("submit")).click();

        wait.until(ExpectedConditions.urlMatches(".*/emergencies/\\d+$"));
        String overview = driver.getCurrentUrl();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#area-map path.leaflet-interactive")));
        assertThat(driver.findElement(By.cssSelector(".emergency-head h1")).getText()).contains(title, "Active", "Exercise");
        assertThat(driver.findElement(By.id("area-list")).getText()).contains("40 km around 47.107, 51.914");
        assertThat(driver.findElement(By.id("facts")).getText()).contains("Atyrau Region", coordinator);
        screenshot("emergency-3-overview");

        // stand down with a reason
        driver.findElement(By.id("reason-STOOD_DOWN")).sendKeys("Water receding; teams released");
        WebElement standDown = driver.findElement(By.cssSelector("#status-STOOD_DOWN button[type=submit]"));
        standDown.click();
        wait.until(HeadlessChromium.replaced(standDown));
        wait.until(ExpectedConditions.urlToBe(overview));
        assertThat(driver.findElement(By.cssSelector(".notice-ok")).getText()).contains("The status was changed.");
        assertThat(driver.findElement(By.cssSelector(".emergency-head h1")).getText()).contains("Stood down");
        assertThat(driver.findElements(By.id("status-STOOD_DOWN"))).isEmpty();
        assertThat(driver.findElements(By.id("status-CLOSED"))).hasSize(1);
        screenshot("emergency-4-stood-down");
        long id = Long.parseLong(overview.substring(overview.lastIndexOf('/') + 1));
        assertThat(admin.get("/api/emergencies/" + id).json().get("status").asString()).isEqualTo("STOOD_DOWN");
    }

    private void signIn(String base, String username, WebDriverWait wait) {
        driver.get(base + "/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password(username));
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mainnav")));
        driver.get(base + "/?lang=en");
    }

    private String user(ApiClient admin, String role, String scope, String tag) {
        String username = "ej-" + role.toLowerCase().replace('_', '-') + "-" + tag;
        ApiClient.Response r = admin.postJson("/api/users", Map.of("username", username, "password", password(username),
                "displayName", "Journey " + role, "language", "en", "grants", List.of(Map.of("role", role, "scope", scope))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return username;
    }

    private static String password(String username) {
        return "journey-pass-" + username;
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
