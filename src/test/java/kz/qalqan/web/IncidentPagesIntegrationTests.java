package kz.qalqan.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick report form from a member's phone, the incident page with its workflow, and the dashboard. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    private final String tag = UUID.randomUUID().toString().substring(0, 6);

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private WebClient signedIn(ApiClient admin, String role, Long memberId) {
        String username = "incp-" + role.toLowerCase().replace('_', '-') + "-" + tag;
        String password = "incident-page-pass-" + tag;
        Map<String, Object> u = new HashMap<>();
        u.put("username", username);
        u.put("password", password);
        u.put("displayName", "Incident page " + role);
        u.put("language", "kk");
        u.put("grants", List.of(Map.of("role", role, "scope", "KZ-75")));
        if (memberId != null) {
            u.put("memberId", memberId);
        }
        created(admin.postJson("/api/users", u));
        return new WebClient(port).signIn(username, password);
    }

    @Test
    void aMemberReportsFromThePhoneAndTheSafetyOfficerInvestigates() {
        ApiClient admin = ApiClient.admin(port);
        String code = "INP-" + tag;
        long unit = created(admin.postJson("/api/units", Map.of("code", code, "name", "Бет взводы", "type", "PLATOON",
                "regionCode", "KZ-75")));
        Map<String, Object> m = new HashMap<>();
        m.put("iin", TestIins.random());
        m.put("lastName", "Хабарлаушы");
        m.put("firstName", "Тест");
        m.put("regionCode", "KZ-75");
        m.put("unitId", unit);
        long memberId = created(admin.postJson("/api/members", m));
        WebClient phone = signedIn(admin, "MEMBER", memberId);

        WebClient.Page form = phone.get("/incidents/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Оқиға туралы хабарлау", "value=\"" + code + "\"", "incident-report.js");

        String now = LocalDateTime.now(ZoneId.of("Asia/Almaty")).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).toString();
        WebClient.Page missing = phone.post("/incidents", form, Map.of("description", "Тайып жығылдым " + tag,
                "occurredAt", now, "unitCode", code));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("Не болғанын таңдаңыз.", "Тайып жығылдым " + tag);

        WebClient.Page sent = phone.post("/incidents", form, Map.of("kind", "INJURY", "description", "Тайып жығылдым " + tag,
                "occurredAt", now, "unitCode", code, "diagnosis", "Page-diagnosis-" + tag, "bodyRegion", "KNEE",
                "involvesMe", "true"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.body()).contains("Рақмет");
        Matcher number = Pattern.compile("/incidents/(\\d+)\"").matcher(sent.body());
        assertThat(number.find()).isTrue();
        String id = number.group(1);

        WebClient safety = signedIn(admin, "SAFETY_OFFICER", null);
        assertThat(safety.get("/incidents").body()).contains("/incidents/" + id + "\"");
        WebClient.Page detail = safety.get("/incidents/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("Тайып жығылдым " + tag, "Құпия").doesNotContain("Page-diagnosis-" + tag);
        WebClient.Page started = safety.post("/incidents/" + id + "/investigation", detail, Map.of());
        assertThat(started.status()).isEqualTo(302);
        WebClient.Page investigating = safety.get("/incidents/" + id);
        assertThat(investigating.body()).contains("Тергелуде", "Түзету шарасын қосу");
        WebClient.Page again = safety.post("/incidents/" + id + "/investigation", investigating, Map.of());
        assertThat(safety.get(again.location()).body()).contains("Тергеу басталып қойған.");

        WebClient.Page own = phone.get("/incidents/" + id);
        assertThat(own.body()).contains("Page-diagnosis-" + tag).doesNotContain("Түзету шарасын қосу");
    }

    /** A report with bad input and a workflow step out of order, each refused in the page's language from its code. */
    @ParameterizedTest
    @ValueSource(strings = {"kk", "ru"})
    void refusalsAreSaidInThePagesLanguage(String language) {
        Locale locale = Locale.forLanguageTag(language);
        ApiClient admin = ApiClient.admin(port);
        WebClient safety = signedIn(admin, "SAFETY_OFFICER", null);
        WebClient.Page form = safety.get("/incidents/new?lang=" + language);
        String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Almaty")).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();

        WebClient.Page refused = safety.post("/incidents", form, Map.of("kind", "INJURY", "description", "Сынақ " + tag,
                "occurredAt", tomorrow, "regionCode", "KZ-75", "lat", "95", "lon", "76.9", "restrictedDays", "3"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains(text("incident.occurredAt.future", locale),
                text("shared.geo.latitude", locale, -90, 90), text("incident.error.restrictedDays", locale));
        assertThat(refused.body()).doesNotContain("must not be in the future", "WGS 84", "must be between", "is only for");

        long id = created(admin.postJson("/api/incidents", Map.of("kind", "NEAR_MISS", "occurredAt",
                java.time.Instant.now().minusSeconds(600).toString(), "regionCode", "KZ-75",
                "description", "Сынақ " + tag)));
        WebClient.Page detail = safety.get("/incidents/" + id);
        WebClient.Page closing = safety.post("/incidents/" + id + "/close", detail, Map.of("review", "Болды"));
        assertThat(closing.status()).isEqualTo(302);
        String page = safety.get(closing.location()).body();
        assertThat(page).contains(text("incident.rejected.notInvestigated", locale))
                .doesNotContain("closed only after", "investigated");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    void theDashboardCarriesItsFiguresForTheChartsAndAsTables() {
        ApiClient admin = ApiClient.admin(port);
        WebClient safety = signedIn(admin, "SAFETY_OFFICER", null);
        created(admin.postJson("/api/incidents", Map.of("kind", "INJURY", "occurredAt",
                java.time.Instant.now().minusSeconds(3600).toString(), "regionCode", "KZ-75", "cause", "FALL",
                "description", "Тайып жығылды " + tag)));

        WebClient.Page page = safety.get("/incidents/surveillance?lang=ru");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("the Pareto chart names causes in the page's language")
                .contains("&quot;causes&quot;:[").contains(text("incident.cause.FALL", Locale.forLanguageTag("ru")))
                .doesNotContain("&quot;FALL&quot;");
        assertThat(page.body()).contains("Мониторинг травматизма", "data-charts=", "data-chart=\"trend\"",
                "chart.umd.min.js", "incident-charts.js", "<table");
        assertThat(safety.get("/webjars/chart.js/dist/chart.umd.min.js", "*/*").status()).isEqualTo(200);
        WebClient.Page csv = safety.get("/incidents/surveillance.csv", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("table,key,label,injuries,person_days,rate_per_1000");
    }
}
