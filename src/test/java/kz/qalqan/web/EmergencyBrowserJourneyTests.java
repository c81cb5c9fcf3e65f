package kz.qalqan.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import kz.qalqan.notification.internal.Dispatcher;
import kz.qalqan.notification.internal.Escalation;
import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Emergency response in a real headless Chromium (issue 6). The first journey covers the declaration form: an Atyrau
 * coordinator declares a flood over part of Atyrau region (a click on the map sets a circle's centre, then the exact
 * centre and radius are typed), lands on the overview with the area drawn, and stands the emergency down. The second
 * is the whole journey: a CAP flood alert for part of Atyrau region arrives, the coordinator selects 20
 * rescuers within 50 km, the call-ups go out by e-mail (GreenMail), three members accept through their links and one
 * declines, the silent are escalated to their commander, the area's roll is accounted for, a task is planned and a
 * shift that breaks the rest rule is refused, and the SITREP PDF downloads. Call-ups go by e-mail only here, so the
 * first escalation of the silent reaches the commander. Skipped without Chromium, except on CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmergencyBrowserJourneyTests {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    /** The mail settings of the notification tests, and call-ups by e-mail only. */
    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("qalqan.notification.backoff-initial", () -> "100ms");
        registry.add("qalqan.notification.backoff-max", () -> "1s");
        registry.add("qalqan.notification.max-attempts", () -> "3");
        registry.add("qalqan.notification.lease", () -> "3s");
        registry.add("qalqan.notification.batch-size", () -> "100");
        registry.add("qalqan.emergency.callup.channels", () -> "EMAIL");
    }

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Pattern REPLY_LINK = Pattern.compile("/r/([A-Za-z0-9._~-]+)");
    private static final List<String> SURNAMES = List.of("Abenov", "Baimukhanov", "Dzhaksybekov", "Yerlanov",
            "Zhumabayev", "Iskakov", "Kassymov", "Lukpanov", "Mukhamedov", "Nurlanov", "Omarov", "Primbetov",
            "Rakhimov", "Sarsenov", "Tokhtarov", "Umarov", "Valikhanov", "Khamitov", "Shaikenov", "Yesimov",
            "Akhmetov", "Bekov", "Dauletov", "Ermekov");

    @LocalServerPort
    int port;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    Escalation escalation;

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

        // the map's zoom buttons speak the page's language, not Leaflet's English
        assertThat(driver.findElement(By.cssSelector("#area-map .leaflet-control-zoom-in")).getAttribute("title"))
                .isEqualTo("Zoom in");
        driver.get(overview + "?lang=ru");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#area-map .leaflet-control-zoom-in")));
        assertThat(driver.findElement(By.cssSelector("#area-map .leaflet-control-zoom-in")).getAttribute("title"))
                .isEqualTo("Приблизить");
        assertThat(driver.findElement(By.cssSelector("#area-map .leaflet-control-zoom-out")).getAttribute("title"))
                .isEqualTo("Отдалить");
        driver.get(overview + "?lang=kk");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#area-map .leaflet-control-zoom-in")));
        assertThat(driver.findElement(By.cssSelector("#area-map .leaflet-control-zoom-in")).getAttribute("title"))
                .isEqualTo("Үлкейту");
        driver.get(overview + "?lang=en");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#area-map path.leaflet-interactive")));

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

    @Test
    void aCapFloodAlertLeadsFromSelectionAndCallUpToTheSitrep() throws Exception {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        ApiClient admin = ApiClient.admin(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String letters = letters(6);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate today = LocalDate.now(ALMATY);

        // 1. set-up through the API: a rescue team north-east of Atyrau, its commander, and the rescuers' homes
        double lat = 47.33 + random.nextDouble(0.05);
        double lon = 52.05 + random.nextDouble(0.08);
        String unitName = "Atyrau rescue team " + letters;
        long unit = created(admin.postJson("/api/units", Map.of("code", "EJ-" + tag, "name", unitName,
                "type", "RESCUE_TEAM", "regionCode", "KZ-23")));
        long commanderPosition = created(admin.postJson("/api/units/" + unit + "/positions", Map.of("title", "Commander")));
        String commanderMail = "commander-" + tag + "@example.org";
        member(admin, "Commanderov", letters, unit, commanderPosition, commanderMail, "en", null, null);

        JsonNode catalogue = admin.get("/api/qualifications").json();
        JsonNode rescuer = null;
        for (JsonNode q : catalogue) {
            if ("Rescuer".equals(q.get("nameEn").asString())) {
                rescuer = q;
            }
        }
        assertThat(rescuer).as("the training catalogue has the rescuer qualification").isNotNull();
        String rescuerCode = rescuer.get("code").asString();
        List<String> awards = new ArrayList<>();
        rescuer.get("prerequisites").forEach(p -> awards.add(p.asString()));
        awards.add(rescuerCode);
        ApiClient medic = ApiClient.newUser(port, "MEDICAL_OFFICER", "KZ-23", null);
        ApiClient trainer = ApiClient.newUser(port, "TRAINING_OFFICER", "KZ-23", null);

        // 24 fit rescuers 1.0 to 6.75 km from the area's centre (the 20 nearest are the ones to select)
        List<Long> rescuers = new ArrayList<>();
        Map<Long, String> emailOf = new LinkedHashMap<>();
        Map<Long, String> nameOf = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            double[] home = offset(lat, lon, 1.0 + 0.25 * i, random.nextDouble(2 * Math.PI));
            String email = "rescuer" + i + "-" + tag + "@example.org";
            String language = i < 4 || i % 3 == 0 ? "en" : i % 3 == 1 ? "ru" : "kk";
            long id = member(admin, SURNAMES.get(i), letters, unit, null, email, language, home[0], home[1]);
            fit(medic, id, today);
            qualify(trainer, id, awards, today);
            rescuers.add(id);
            emailOf.put(id, email);
            nameOf.put(id, SURNAMES.get(i) + " " + letters);
        }
        // two qualified but without a medical exam, inside the radius: left out with the reason
        List<String> unfitNames = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            double[] home = offset(lat, lon, 2.1 + i, random.nextDouble(2 * Math.PI));
            String surname = i == 0 ? "Sabitov" : "Tulegenov";
            long id = member(admin, surname, letters, unit, null, "unfit" + i + "-" + tag + "@example.org", "en", home[0], home[1]);
            qualify(trainer, id, awards, today);
            unfitNames.add(surname);
        }
        // two fit rescuers about 70 km north: outside the 50 km and outside the flood polygon
        List<String> farNames = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String surname = i == 0 ? "Zhanibekov" : "Kurmangaliyev";
            long id = member(admin, surname, letters, unit, null, "far" + i + "-" + tag + "@example.org", "en",
                    lat + 0.63 + 0.01 * i, lon);
            fit(medic, id, today);
            qualify(trainer, id, awards, today);
            farNames.add(surname);
        }

        // 2. the CAP alert arrives from the coordinator's feed: a polygon over part of Atyrau region
        String coordinator = user(admin, "EMERGENCY_COORDINATOR", "KZ-23", tag + "f");
        ApiClient feed = new ApiClient(port, coordinator, password(coordinator));
        String title = "Flood on the Ural north-east of Atyrau " + letters;
        String identifier = "QQ-JOURNEY-" + UUID.randomUUID();
        ApiClient.Response cap = feed.post("/api/cap", "application/cap+xml",
                floodAlert(identifier, title, lat, lon).getBytes(StandardCharsets.UTF_8));
        assertThat(cap.status()).as(cap.toString()).isEqualTo(201);
        assertThat(cap.json().get("outcome").asString()).isEqualTo("DECLARED");
        long id = cap.json().get("emergencyId").asLong();
        String overview = base + "/emergencies/" + id;

        signIn(base, coordinator, wait);
        driver.get(base + "/emergencies");
        WebElement listed = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//table[@id='open-emergencies']//a[normalize-space()='" + title + "']")));
        screenshot("emergency-journey-1-alert-listed");
        listed.click();
        wait.until(ExpectedConditions.urlToBe(overview));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#area-map path.leaflet-interactive")));
        assertThat(driver.findElement(By.cssSelector(".emergency-head h1")).getText()).contains(title, "Active");
        screenshot("emergency-journey-2-overview");

        // 3. selection: 20 with the rescuer qualification within 50 km of the area's centre
        tab("selection", wait);
        WebElement count = wait.until(ExpectedConditions.elementToBeClickable(By.id("count")));
        assertThat(Double.parseDouble(driver.findElement(By.id("lat")).getDomProperty("value"))).isCloseTo(lat, within(1e-4));
        assertThat(Double.parseDouble(driver.findElement(By.id("lon")).getDomProperty("value"))).isCloseTo(lon, within(1e-4));
        count.clear();
        count.sendKeys("20");
        WebElement qualification = driver.findElement(By.cssSelector("input[name=qualifications][value='" + rescuerCode + "']"));
        scrollTo(qualification).click();
        assertThat(qualification.isSelected()).isTrue();
        WebElement radius = driver.findElement(By.id("radiusKm"));
        radius.clear();
        radius.sendKeys("50");
        WebElement run = driver.findElement(By.cssSelector("form[action$='/selection'] button[type=submit]"));
        scrollTo(run).click();
        wait.until(HeadlessChromium.replaced(run));
        wait.until(ExpectedConditions.urlContains("sid="));
        List<WebElement> rows = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
                By.cssSelector("section[aria-labelledby=selection-result] > .table-wrap tbody tr")));
        List<Long> ranked = rows.stream().map(r -> memberIdOf(r.findElement(By.cssSelector("a")).getAttribute("href"))).toList();
        assertThat(ranked).as("the 20 nearest fit rescuers, nearest first").containsExactlyElementsOf(rescuers.subList(0, 20));
        assertThat(rows.get(0).getText()).contains(nameOf.get(rescuers.get(0)), "Ready");
        String result = driver.findElement(By.cssSelector("section[aria-labelledby=selection-result]")).getText();
        assertThat(result).doesNotContain(farNames.get(0), farNames.get(1));
        WebElement excludedSummary = driver.findElement(By.cssSelector("section[aria-labelledby=selection-result] details summary"));
        scrollTo(excludedSummary).click();
        String excluded = driver.findElement(By.cssSelector("section[aria-labelledby=selection-result] details")).getText();
        assertThat(excluded).contains(unfitNames.get(0), unfitNames.get(1), "medical: no valid exam, or found unfit")
                .doesNotContain(farNames.get(0), farNames.get(1));
        screenshot("emergency-journey-3-selection");
        WebElement confirm = driver.findElement(By.cssSelector("form[action$='/confirm'] button[type=submit]"));
        scrollTo(confirm).click();
        wait.until(HeadlessChromium.replaced(confirm));
        wait.until(ExpectedConditions.urlContains("confirmed"));
        assertThat(driver.findElement(By.cssSelector("section[aria-labelledby=selection-result]")).getText())
                .contains("confirmed, call-up ordered");
        screenshot("emergency-journey-4-confirmed");

        // 4. the call-ups go out by e-mail: the dispatcher runs from the test
        String correlation = "emergency-" + id + "-callup-";
        Set<String> selectedMail = ranked.stream().map(emailOf::get).collect(Collectors.toSet());
        Map<String, String> tokenOf = new HashMap<>();
        await(Duration.ofSeconds(60), () -> {
            dispatcher.drain(1, correlation);
            for (MimeMessage m : MAIL.getReceivedMessages()) {
                String to = recipient(m);
                if (selectedMail.contains(to)) {
                    Matcher link = REPLY_LINK.matcher(text(m));
                    assertThat(link.find()).as("a reply link in the call-up to " + to).isTrue();
                    tokenOf.put(to, link.group(1));
                }
            }
            return tokenOf.size() == 20;
        }, "20 call-up e-mails");
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).filter(m -> emailOf.containsValue(recipient(m))).count())
                .as("one e-mail per selected member and none to the others").isEqualTo(20);
        MimeMessage first = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).equals(emailOf.get(ranked.get(0)))).findFirst().orElseThrow();
        assertThat(first.getSubject()).isEqualTo("Call-up: " + title);

        // three accept and one declines through their links, signed out
        driver.manage().deleteAllCookies();
        for (int i = 0; i < 4; i++) {
            driver.get(base + "/r/" + tokenOf.get(emailOf.get(ranked.get(i))));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button.accept")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Call-up: " + title);
            WebElement answer;
            if (i < 3) {
                answer = driver.findElement(By.cssSelector("button.accept"));
            } else {
                driver.findElement(By.id("reason")).sendKeys("In hospital with my son");
                answer = driver.findElement(By.cssSelector("button.decline"));
                screenshot("emergency-journey-5-decline");
            }
            answer.click();
            wait.until(HeadlessChromium.replaced(answer));
            assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".answered"))).getText())
                    .contains(i < 3 ? "Coming" : "Declined");
        }
        screenshot("emergency-journey-6-answered");
        signIn(base, coordinator, wait);

        driver.get(overview);
        tab("callup", wait);
        await(wait, () -> field("total.accepted").equals("3") && field("total.declined").equals("1")
                && field("total.silent").equals("16"), "3 accepted, 1 declined, 16 silent");
        assertThat(field("total.ordered")).isEqualTo("20");
        assertThat(driver.findElements(By.cssSelector("#callup-silent tbody tr"))).hasSize(16);
        assertThat(driver.findElement(By.id("callup-answers")).getText())
                .contains(nameOf.get(ranked.get(3)), "Declines", "In hospital with my son");
        screenshot("emergency-journey-7-callup");

        // 5. the reply window runs out: the silent are escalated to the unit's commander
        escalation.runAt(Instant.now().plus(Duration.ofMinutes(16)));
        dispatcher.drain(1, correlation);
        List<MimeMessage> toCommander = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).equals(commanderMail)).toList();
        assertThat(toCommander).as("the commander hears of each silent member").hasSize(16);
        assertThat(toCommander.stream().map(EmergencyBrowserJourneyTests::subject).toList())
                .contains("No answer to a call-up: " + nameOf.get(ranked.get(19)))
                .noneMatch(s -> s.contains(nameOf.get(ranked.get(0))));
        driver.navigate().refresh();
        await(wait, () -> field("total.escalated").equals("16"), "16 escalated");
        assertThat(driver.findElements(By.cssSelector("#callup-silent tbody tr"))).hasSize(16)
                .allMatch(r -> r.getText().contains("Commander told"));
        screenshot("emergency-journey-8-escalated");

        // 6. accountability: everyone whose home is in the polygon is on the roll, unknown at first
        tab("accountability", wait);
        String unitRow = "//section[@aria-labelledby='acc-units']//tr[th[contains(normalize-space(), '" + unitName + "')]]";
        await(wait, () -> {
            List<WebElement> found = driver.findElements(By.xpath(unitRow));
            if (found.isEmpty()) {
                driver.navigate().refresh();
                return false;
            }
            return cells(unitRow).subList(0, 3).equals(List.of("26", "26", "0"));
        }, "the rescue team's 26 members in the area, all unknown");
        String unaccounted = driver.findElement(By.id("acc-unaccounted-table")).getText();
        assertThat(unaccounted).contains(nameOf.get(rescuers.get(0)), nameOf.get(rescuers.get(23)))
                .doesNotContain(farNames.get(0), "Commanderov");
        long unknownBefore = counter("UNKNOWN");
        long safeBefore = counter("SAFE");
        screenshot("emergency-journey-9-roll");
        long safe = ranked.get(0);
        WebElement memberField = driver.findElement(By.id("acc-member"));
        scrollTo(memberField).sendKeys(Long.toString(safe));
        new Select(driver.findElement(By.id("acc-status"))).selectByValue("SAFE");
        driver.findElement(By.id("acc-note")).sendKeys("Phoned in from the staging point");
        WebElement report = driver.findElement(By.cssSelector("form[action$='/accountability/report'] button[type=submit]"));
        scrollTo(report).click();
        wait.until(HeadlessChromium.replaced(report));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-ok"))).getText())
                .contains("Saved.");
        await(wait, () -> cells(unitRow).subList(0, 3).equals(List.of("26", "25", "1")), "one of the team safe");
        assertThat(counter("SAFE")).isEqualTo(safeBefore + 1);
        assertThat(counter("UNKNOWN")).isEqualTo(unknownBefore - 1);
        assertThat(driver.findElement(By.id("acc-unaccounted-table")).getText()).doesNotContain(nameOf.get(safe));
        screenshot("emergency-journey-10-accounted");

        // 7. tasks: a sandbagging task, then shifts for an accepted member under the rest rule
        tab("tasks", wait);
        WebElement newTask = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//section[@aria-labelledby='tasksTitle']//details/summary")));
        scrollTo(newTask).click();
        new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("taskType")))).selectByValue("SANDBAGGING");
        String taskTitle = "Sandbag the left bank dyke " + letters;
        driver.findElement(By.id("taskTitle")).sendKeys(taskTitle);
        new Select(driver.findElement(By.id("taskPriority"))).selectByValue("1");
        driver.findElement(By.id("taskLocation")).sendKeys("Left bank, north of the bridge");
        driver.findElement(By.id("taskStaging")).sendKeys("School No. 5");
        screenshot("emergency-journey-11-task-form");
        WebElement plan = driver.findElement(By.cssSelector("form[action$='/tasks'] button[type=submit]"));
        scrollTo(plan).click();
        wait.until(HeadlessChromium.replaced(plan));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-ok"))).getText())
                .contains("The task is planned.");
        assertThat(driver.findElement(By.cssSelector("section[aria-labelledby=tasksTitle]")).getText()).contains(taskTitle);

        long worker = ranked.get(1);
        LocalDate day = today.plusDays(1);
        planShift(worker, day.atTime(8, 0).toString(), day.atTime(20, 0).toString(), taskTitle, wait);
        assertThat(driver.findElement(By.cssSelector(".notice-ok")).getText()).contains("The shift is planned.");
        assertThat(driver.findElement(By.id("shifts")).findElements(By.cssSelector("tbody tr"))).hasSize(1);
        planShift(worker, day.plusDays(1).atTime(0, 0).toString(), day.plusDays(1).atTime(8, 0).toString(), taskTitle, wait);
        WebElement refusal = driver.findElement(By.cssSelector("#shifts .notice-bad"));
        assertThat(refusal.getText()).contains("The fatigue rules refuse this shift.",
                "Rest 4 h between this shift and another; at least 10 h.");
        assertThat(driver.findElement(By.id("shifts")).findElements(By.cssSelector("tbody tr"))).as("nothing planned").hasSize(1);
        scrollTo(refusal);
        screenshot("emergency-journey-12-shift-refused");

        // 8. the SITREP: 20 activated, 4 answered; the PDF downloads with the browser's session
        tab("sitrep", wait);
        await(wait, () -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("fig-answered")).getText().startsWith("4 ");
        }, "4 answers on the SITREP");
        assertThat(driver.findElement(By.id("fig-activated")).getText()).isEqualTo("20");
        assertThat(driver.findElement(By.id("fig-answered")).getText()).contains("accepted 3", "declined 1");
        screenshot("emergency-journey-13-sitrep");
        String pdfUrl = driver.findElement(By.cssSelector("a[href*='/sitrep.pdf']")).getAttribute("href");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
                .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    }

    /** Plans a shift on the task board; the datetime-local fields are set as a picker would set them. */
    private void planShift(long memberId, String startsAt, String endsAt, String taskTitle, WebDriverWait wait) {
        new Select(driver.findElement(By.id("shiftMember"))).selectByValue(Long.toString(memberId));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("shiftStart")), startsAt);
        js.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("shiftEnd")), endsAt);
        new Select(driver.findElement(By.id("shiftTask"))).selectByVisibleText(taskTitle);
        WebElement submit = driver.findElement(By.cssSelector("form[action$='/shifts'] button[type=submit]"));
        scrollTo(submit).click();
        wait.until(HeadlessChromium.replaced(submit));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("shifts")));
    }

    private void tab(String name, WebDriverWait wait) {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".emergency-head nav.tabs a[href$='/" + name + "']")));
        String href = link.getAttribute("href");
        link.click();
        wait.until(HeadlessChromium.replaced(link));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".emergency-head nav.tabs a[aria-current=page]"),
                "href", href));
    }

    private String field(String name) {
        return driver.findElement(By.cssSelector("ul.stats [data-field='" + name + "']")).getText().strip();
    }

    private List<String> cells(String rowXpath) {
        return driver.findElement(By.xpath(rowXpath)).findElements(By.tagName("td")).stream()
                .map(td -> td.getText().strip()).toList();
    }

    private long counter(String status) {
        return Long.parseLong(driver.findElement(By.cssSelector(".acc-counters .acc-stat-" + status + " .stat-value"))
                .getText().strip());
    }

    private WebElement scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** Waits in the browser's wait for a condition on the page (stale elements while the page is swapped retry). */
    private static void await(WebDriverWait wait, BooleanSupplier condition, String what) {
        wait.withMessage(what).until(d -> {
            try {
                return condition.getAsBoolean();
            } catch (org.openqa.selenium.WebDriverException | IndexOutOfBoundsException e) {
                return false;
            }
        });
    }

    /** Polls a condition outside the browser (mail, the dispatcher) until it holds. */
    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private static long memberIdOf(String href) {
        return Long.parseLong(href.replaceAll(".*/members/(\\d+).*", "$1"));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static long member(ApiClient admin, String lastName, String firstName, long unit, Long position, String email,
                               String language, Double lat, Double lon) {
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", lastName);
        m.put("firstName", firstName);
        m.put("regionCode", "KZ-23");
        m.put("unitId", unit);
        m.put("positionId", position);
        m.put("email", email);
        m.put("language", language);
        m.put("lat", lat);
        m.put("lon", lon);
        return created(admin.postJson("/api/members", m));
    }

    private static void fit(ApiClient medic, long member, LocalDate today) {
        ApiClient.Response r = medic.postJson("/api/members/" + member + "/medical/exams", Map.of(
                "examinedOn", today.toString(), "result", "FIT", "examiner", "Dr Journey"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static void qualify(ApiClient trainer, long member, List<String> codes, LocalDate today) {
        for (String code : codes) {
            ApiClient.Response r = trainer.postJson("/api/members/" + member + "/qualifications", Map.of(
                    "code", code, "awardedOn", today.toString(), "evidence", "Journey course"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    /** A point {@code km} from (lat, lon) in the direction {@code bearing} (radians from north). */
    private static double[] offset(double lat, double lon, double km, double bearing) {
        double dLat = km * Math.cos(bearing) / 111.195;
        double dLon = km * Math.sin(bearing) / (111.195 * Math.cos(Math.toRadians(lat)));
        return new double[]{Math.round((lat + dLat) * 1e6) / 1e6, Math.round((lon + dLon) * 1e6) / 1e6};
    }

    /** A name part of Latin letters only, as member names allow. */
    private static String letters(int n) {
        StringBuilder b = new StringBuilder("Q");
        for (int i = 1; i < n; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    /** An Actual flood alert whose only area is a polygon of about 22 × 22 km around (lat, lon). */
    private static String floodAlert(String identifier, String headline, double lat, double lon) {
        double s = lat - 0.10, n = lat + 0.10, w = lon - 0.15, e = lon + 0.15;
        String polygon = String.format(Locale.ROOT, "%.5f,%.5f %.5f,%.5f %.5f,%.5f %.5f,%.5f %.5f,%.5f",
                s, w, n, w, n, e, s, e, s, w);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>kazhydromet@meteo.kz</sender>
                  <sent>%s</sent>
                  <status>Actual</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info>
                    <language>en-US</language>
                    <category>Met</category>
                    <event>Flood</event>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Likely</certainty>
                    <headline>%s</headline>
                    <description>The Ural is rising north-east of Atyrau; the left-bank dykes are at risk.</description>
                    <instruction>Move to higher ground.</instruction>
                    <area>
                      <areaDesc>Villages north-east of Atyrau</areaDesc>
                      <polygon>%s</polygon>
                    </area>
                  </info>
                </alert>
                """.formatted(identifier, OffsetDateTime.now(ALMATY).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                headline, polygon);
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
