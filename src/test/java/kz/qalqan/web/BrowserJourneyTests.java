package kz.qalqan.web;

import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.MemberSearch;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.registry.UnitCommand;
import kz.qalqan.registry.UnitType;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member's day in a real headless Chromium: sign in, register a member, find them, import a
 * file with a bad row and read the report. Skipped where Chromium is not installed, except on CI
 * ({@code CI=true}), which must run it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

    private static final Locale KK = Locale.forLanguageTag("kk");

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    OrgStructure org;

    @Autowired
    MemberDirectory members;

    HeadlessChromium browser;
    WebDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start(1366, 900);
        driver = browser.driver();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void signInRegisterFindAndImportWithARejectedRow() throws IOException {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Unit unit = org.createUnit(new UnitCommand("BRW-" + UUID.randomUUID().toString().substring(0, 8), "Браузер взводы",
                UnitType.PLATOON, "KZ-75", null, null, null, null,
                List.of(new UnitCommand.PositionCommand("Байланысшы", List.of("radio"), "FIT"))));

        // sign in through the form
        driver.get(base + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("kk");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("test-admin-password-1");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mainnav")));
        screenshot("1-dashboard");

        // register a member through the form; choosing the unit loads its positions (htmx)
        String iin = TestIins.random();
        String lastName = WebPagesIntegrationTests.lastName();
        driver.get(base + "/members/new");
        driver.findElement(By.id("iin")).sendKeys(iin);
        driver.findElement(By.id("lastName")).sendKeys(lastName);
        driver.findElement(By.id("firstName")).sendKeys("Ержан");
        new Select(driver.findElement(By.id("regionCode"))).selectByValue("KZ-75");
        WebElement unitField = driver.findElement(By.id("unit"));
        unitField.sendKeys(unit.code());
        driver.findElement(By.id("phone")).click(); // leaving the unit field fires its change event
        wait.until(d -> new Select(d.findElement(By.id("positionId"))).getOptions().size() > 1);
        new Select(driver.findElement(By.id("positionId"))).selectByVisibleText("Байланысшы");
        screenshot("2-form");
        driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/members/\\d+$"));

        // find them by name and open their page
        driver.get(base + "/members");
        driver.findElement(By.id("q")).sendKeys(lastName);
        driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(lastName)));
        screenshot("3-search");
        link.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), lastName + " Ержан"));
        assertThat(driver.getPageSource()).contains(iin).contains(unit.code()).contains("Байланысшы");
        screenshot("4-member");

        // import a file whose line 3 has a wrong IIN check digit, all or nothing
        String good = TestIins.random();
        String bad = good.substring(0, 11) + ((good.charAt(11) - '0' + 1) % 10);
        Path csv = Files.createTempFile("qalqan-import-", ".csv");
        try {
            Files.writeString(csv, "iin,last_name,first_name,region,unit\n"
                    + good + ",Нұрланов,Дәулет,KZ-75," + unit.code() + "\n"
                    + bad + ",Серікова,Әйгерім,KZ-75,\n", StandardCharsets.UTF_8);
            driver.get(base + "/imports");
            driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
            driver.findElement(By.id("mode-all")).click();
            driver.findElement(By.cssSelector("form.form button[type=submit]")).click();

            WebElement errors = new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("import-errors")));
            screenshot("5-import-report");
            List<WebElement> cells = errors.findElement(By.cssSelector("tbody tr")).findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo("3");
            assertThat(cells.get(1).getText()).isEqualTo("iin");
            assertThat(cells.get(2).getText()).isEqualTo(bad);
            assertThat(cells.get(3).getText()).isEqualTo(messages.getMessage("iin.problem.CHECK_DIGIT", null, KK))
                    .contains("бақылау цифры");
            assertThat(driver.findElement(By.id("accepted-count")).getText()).isEqualTo("0");
            assertThat(driver.getPageSource()).contains(messages.getMessage("imports.nothingWritten", null, KK));
        } finally {
            Files.deleteIfExists(csv);
        }
        assertThat(members.search(new MemberSearch(good, null, null, false, null, null, 10, null)).items())
                .as("all or nothing: the good row was not written either").isEmpty();
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
