package kz.qalqan.web;

import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberCommand;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's page over real HTTP, signed in through the login form like a browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditPageIntegrationTests {

    static final Locale KK = Locale.forLanguageTag("kk");
    static final Locale RU = Locale.forLanguageTag("ru");
    private static final Pattern ROW = Pattern.compile("<tr id=\"event-(\\d+)\"");
    private static final Pattern TIME = Pattern.compile("<time datetime=\"[^\"]+\">(\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2})</time>");
    private static final Pattern NEXT = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("<[^>]+\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    @Autowired
    MemberDirectory members;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    Member member;

    @BeforeEach
    void member() {
        member = members.register(new MemberCommand(TestIins.random(), "Әбілқасымова", "Гүлнар", null, "volunteer",
                null, null, "KZ-75", null, null, null, null, null, "kk", List.of(), null, null, null), "test");
    }

    WebClient admin() {
        return new WebClient(port).signIn("admin", "test-admin-password-1");
    }

    String text(String key, Locale locale, Object... args) {
        return WebPagesIntegrationTests.escape(messages.getMessage(key, args, locale));
    }

    static List<Long> rows(WebClient.Page page) {
        Matcher m = ROW.matcher(page.body());
        List<Long> seqs = new ArrayList<>();
        while (m.find()) {
            seqs.add(Long.parseLong(m.group(1)));
        }
        return seqs;
    }

    @Test
    void listsTheReadOfAMemberRecordWithItsActorAndALinkToTheMember() {
        WebClient browser = admin();
        assertThat(browser.get("/members/" + member.id()).status()).isEqualTo(200);

        WebClient.Page page = browser.get("/audit?entityType=member&entityId=" + member.id() + "&action=MEMBER_READ");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(rows(page)).as("the member page reads the record and its assignment history").hasSize(2);
        assertThat(page.body())
                .contains(">" + text("audit.action.MEMBER_READ", KK) + "</span>")
                .contains("<td>admin</td>")
                .contains("href=\"/members/" + member.id() + "\"")
                .contains(">" + member.orgPath() + "</td>")
                .containsPattern(">(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)</td>")
                .contains("href=\"/audit/export.csv?entityType=member&amp;entityId=" + member.id() + "&amp;action=MEMBER_READ\"")
                .contains(">assignment history</td>")
                .contains(text("audit.heading", KK))
                .doesNotContain("??");
        assertThat(TIME.matcher(page.body()).find()).as("the time as dd.MM.yyyy HH:mm:ss").isTrue();
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).isFalse();
        assertThat(STYLE_ATTRIBUTE.matcher(page.body()).find()).isFalse();
        assertThat(INLINE_HANDLER.matcher(page.body()).find()).isFalse();
        assertThat(page.body()).as("no verification on a page load").doesNotContain(text("audit.verify.intact", KK) + "<");
    }

    @Test
    void namesActionsRolesAndRecordTypesInThePageLanguageNotAsCodes() {
        WebClient browser = admin();
        assertThat(browser.get("/members/" + member.id()).status()).isEqualTo(200);
        WebClient failed = new WebClient(port);
        failed.post("/login", failed.get("/login"), Map.of("username", "admin", "password", "not the password at all"));

        WebClient.Page page = browser.get("/audit?lang=ru&entityType=member&entityId=" + member.id() + "&action=MEMBER_READ");
        WebClient.Page signIns = browser.get("/audit?lang=ru&action=SIGN_IN_FAILED");

        assertThat(page.body()).contains(">" + text("audit.action.MEMBER_READ", RU) + "</span>")
                .contains("\">" + text("role.ADMIN", RU)) // the cell that names the roles (one or more)
                .contains(">" + text("audit.entity.member", RU) + "</span>")
                .doesNotContain(">MEMBER_READ<").doesNotContain(">ADMIN<").doesNotContain(">member<");
        assertThat(signIns.body()).contains(">" + text("audit.action.SIGN_IN_FAILED", RU) + "</span>")
                .contains(">" + text("audit.entity.user", RU) + "</span>").doesNotContain(">SIGN_IN_FAILED<");
    }

    @Test
    void aFilterItCannotReadIsRefusedInThePageLanguage() {
        WebClient browser = admin();
        for (Locale language : List.of(RU, KK)) {
            WebClient.Page page = browser.get("/audit?lang=" + language.getLanguage() + "&from=yesterday");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(text("audit.filter.badFrom", language))
                    .doesNotContain(text("audit.filter.badFrom", Locale.ENGLISH));
        }
    }

    @Test
    void filtersNarrowTheList() {
        WebClient browser = admin();
        browser.get("/members/" + member.id());
        String byId = "/audit?entityType=member&entityId=" + member.id();

        assertThat(rows(browser.get(byId))).as("registered by the system, then read twice by the admin").hasSize(3);
        assertThat(rows(browser.get(byId + "&action=MEMBER_READ"))).hasSize(2);
        assertThat(rows(browser.get(byId + "&action=MEMBER_CREATE"))).hasSize(1);
        assertThat(rows(browser.get(byId + "&actor=admin"))).hasSize(2);
        assertThat(rows(browser.get(byId + "&actor=nobody-at-all"))).isEmpty();
        String tomorrow = LocalDate.now().plusDays(2).toString();
        WebClient.Page future = browser.get(byId + "&from=" + tomorrow);
        assertThat(rows(future)).isEmpty();
        assertThat(future.body()).contains(text("audit.none", KK));
        assertThat(rows(browser.get(byId + "&to=" + tomorrow))).as("a date alone as the end: up to the end of that day").hasSize(3);
        assertThat(rows(browser.get(byId + "&from=2020-01-01T00:00:00&to=" + tomorrow + "T00:00"))).hasSize(3);

        WebClient.Page bad = browser.get(byId + "&from=yesterday");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains(text("audit.filter.badFrom", KK)).doesNotContain("export.csv");
        assertThat(rows(bad)).isEmpty();
    }

    @Test
    void pagesBackInTimeByKeyset() {
        WebClient browser = admin();
        browser.get("/members/" + member.id());

        WebClient.Page first = browser.get("/audit?entityType=member&entityId=" + member.id() + "&size=1");
        Matcher next = NEXT.matcher(first.body());
        assertThat(next.find()).as("a next page link").isTrue();
        String link = WebPagesIntegrationTests.unescape(next.group(1));
        WebClient.Page second = browser.get(link);

        assertThat(link).contains("before=" + rows(first).get(0)).contains("size=1");
        assertThat(rows(first)).hasSize(1);
        assertThat(rows(second)).hasSize(1);
        assertThat(rows(second).get(0)).isLessThan(rows(first).get(0));
        assertThat(second.body()).contains(text("audit.firstPage", KK));
        assertThat(browser.get("/audit?before=abc").body()).contains(text("audit.filter.badCursor", KK));
    }

    @Test
    void exportsTheFilteredEventsAsCsv() {
        WebClient browser = admin();
        browser.get("/members/" + member.id());

        WebClient.Page csv = browser.get("/audit/export.csv?entityType=member&entityId=" + member.id());

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment")
                .containsPattern("filename=\"?qalqan-audit-\\d{8}-\\d{6}\\.csv");
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).startsWith("seq,at,actor,role,action,entity_type,entity_id,");
        assertThat(lines).as("newest first: two reads by the member page, then the registration").hasSize(4);
        // the role column is "ADMIN", or a quoted list when a test sharing the database gave admin more roles
        assertThat(lines.get(1)).containsPattern(",admin,\"?ADMIN[^,]*(,[A-Z_]+)*\"?,MEMBER_READ,member," + member.id() + ","
                + member.orgPath() + ",");
        assertThat(lines.get(2)).containsPattern(",admin,\"?ADMIN[^,]*(,[A-Z_]+)*\"?,MEMBER_READ,member," + member.id() + ",");
        assertThat(lines.get(3)).contains(",system,,MEMBER_CREATE,member," + member.id() + ",");
    }

    @Test
    void verifiesTheChainOnlyWhenAskedInTheLanguageOfThePage() {
        WebClient browser = admin();
        WebClient.Page page = browser.get("/audit?entityType=member&entityId=" + member.id());

        WebClient.Page posted = browser.post("/audit/verify?entityType=member&entityId=" + member.id(), page, Map.of());
        assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
        assertThat(posted.location()).endsWith("/audit?entityType=member&entityId=" + member.id());
        WebClient.Page result = browser.get(posted.location());
        assertThat(result.body()).contains(text("audit.verify.intact", KK)).contains("notice-ok");
        assertThat(browser.get(posted.location()).body()).as("shown once").doesNotContain("notice-ok");

        WebClient.Page russian = browser.get("/audit?lang=ru");
        WebClient.Page again = browser.get(browser.post("/audit/verify", russian, Map.of()).location());
        assertThat(again.body()).contains(text("audit.verify.intact", RU)).doesNotContain(text("audit.verify.tampered", RU) + "<");
    }

    @Test
    void verificationAnswersHtmxWithTheResultLineOnly() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).GET()).body();
        send(http, form(base + "/login", csrf(login), Map.of("username", "admin", "password", "test-admin-password-1")));
        String audit = send(http, HttpRequest.newBuilder(URI.create(base + "/audit?lang=en")).GET()).body();

        HttpResponse<String> fragment = send(http, HttpRequest.newBuilder(URI.create(base + "/audit/verify"))
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrf(audit))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(fragment.statusCode()).as(fragment.body()).isEqualTo(200);
        assertThat(fragment.body().strip()).startsWith("<div id=\"verification\"")
                .contains(text("audit.verify.intact", Locale.ENGLISH)).doesNotContain("<html");
    }

    @Test
    void onlyAdminsAndAuditorsGetThePageAndTheLink() {
        WebClient anonymous = new WebClient(port);
        WebClient.Page page = anonymous.get("/audit");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(anonymous.get("/audit/export.csv").status()).isEqualTo(302);

        assertThat(admin().get("/").body()).contains("href=\"/audit\"");

        jdbc.sql("""
                insert into identity.app_user (username, password_hash, display_name) values ('plain-web-user', ?, 'Plain User')
                on conflict (username) do nothing""").param(passwords.encode("plain-password-1")).update();
        WebClient plain = new WebClient(port).signIn("plain-web-user", "plain-password-1");
        WebClient.Page home = plain.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).doesNotContain("href=\"/audit\"");
        assertThat(plain.get("/audit").status()).isEqualTo(403);
        assertThat(plain.get("/audit/export.csv").status()).isEqualTo(403);
        assertThat(plain.post("/audit/verify", home, Map.of()).status()).isEqualTo(403);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static HttpRequest.Builder form(String uri, String csrf, Map<String, String> fields) {
        StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        fields.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
