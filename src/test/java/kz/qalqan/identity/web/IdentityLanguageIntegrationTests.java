package kz.qalqan.identity.web;

import kz.qalqan.support.ApiClient;
import kz.qalqan.web.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity pages and API speak the reader's language: refusals of the user form in Kazakh and Russian with no
 * English, coded refusals in the API, answers to a script in its account's language, and the pages after sign-in in
 * the account's language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityLanguageIntegrationTests {

    private static final String ADMIN_PASSWORD = "test-admin-password-1";

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    private String text(String language, String key, Object... args) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.forLanguageTag(language)), "UTF-8");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String createUser(String language, String password) {
        String username = "lang-" + tag();
        var r = ApiClient.admin(port).postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "Test " + language, "language", language,
                "grants", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return username;
    }

    @Test
    void theUserFormSaysEveryRefusalInTheLanguageOfThePageWithNoEnglish() {
        for (String language : List.of("ru", "kk")) {
            WebClient web = new WebClient(port).signIn("admin", ADMIN_PASSWORD);
            WebClient.Page form = web.get("/admin/users/new?lang=" + language);
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("username", "no spaces allowed");
            fields.put("password", "short");
            fields.put("displayName", "");
            fields.put("language", "ru");
            fields.put("memberId", "");
            fields.put("grants[0].role", "COMMANDER");
            fields.put("grants[0].scope", "KZ-99x");

            WebClient.Page page = web.post("/admin/users", form, fields);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).as(language)
                    .contains(text(language, "identity.username.invalid"))
                    .contains(text(language, "identity.displayName.required"))
                    .contains(text(language, "identity.grant.scopeUnknown", "KZ-99x"))
                    .contains(text(language, "password.rejected.too-short"))
                    .doesNotContain(text("en", "identity.username.invalid"))
                    .doesNotContain(text("en", "identity.grant.scopeUnknown", "KZ-99x"))
                    .doesNotContain(text("en", "identity.displayName.required"))
                    // the sentences the rules used to refuse with
                    .doesNotContain("is not a known org node").doesNotContain("must be 3 to 64 characters")
                    .doesNotContain("is required");
        }
    }

    @Test
    void theTokenFormSaysItsRefusalsInRussian() {
        String password = "russian token owner phrase";
        String username = createUser("ru", password);
        WebClient web = new WebClient(port).signIn(username, password);
        WebClient.Page account = web.get("/account?lang=ru");
        assertThat(account.body()).as("the grant in words").contains(">Командир @ Алматы (KZ-75)<");

        WebClient.Page bad = web.post("/account/tokens", account, Map.of("name", "", "expiresInDays", "9999"));

        assertThat(bad.body()).contains(text("ru", "identity.token.nameRequired"))
                .contains(text("ru", "identity.token.lifetime", 365))
                .doesNotContain(text("en", "identity.token.lifetime", 365)).doesNotContain("must be between");
    }

    @Test
    void theApiRefusesWithCodesAndArguments() {
        ApiClient admin = ApiClient.admin(port);
        String username = "api-" + tag();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", "a long enough pass phrase");
        body.put("displayName", "Coded");
        body.put("grants", List.of(Map.of("role", "CAPTAIN", "scope", "KZ-99x")));

        var bad = admin.postJsonIn("en", "/api/users", body);

        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        JsonNode errors = bad.json().get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("grants[0].role");
        assertThat(errors.get(0).get("code").asString()).isEqualTo("identity.grant.roleUnknown");
        assertThat(errors.get(1).get("field").asString()).isEqualTo("grants[0].scope");
        assertThat(errors.get(1).get("code").asString()).isEqualTo("identity.grant.scopeUnknown");
        assertThat(errors.get(1).get("args").get(0).asString()).isEqualTo("KZ-99x");
        assertThat(errors.get(1).get("message").asString()).startsWith("Unknown scope KZ-99x");

        body.put("grants", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75")));
        assertThat(admin.postJson("/api/users", body).status()).isEqualTo(201);
        var taken = admin.postJson("/api/users", body);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("identity.username.taken");
        assertThat(taken.json().get("args").get(0).asString()).isEqualTo(username);
    }

    @Test
    void aScriptWithoutAcceptLanguageIsAnsweredInItsAccountsLanguage() {
        String password = "russian script owner phrase";
        String username = createUser("ru", password);
        var issued = new ApiClient(port, username, password).postJson("/api/users/me/tokens", Map.of("name", "export"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        ApiClient script = ApiClient.bearer(port, issued.json().get("secret").asString());

        var russian = script.postJson("/api/users/me/tokens", Map.of("name", ""));
        var english = script.postJsonIn("en", "/api/users/me/tokens", Map.of("name", ""));

        assertThat(russian.status()).as(russian.toString()).isEqualTo(400);
        assertThat(russian.json().get("code").asString()).isEqualTo("identity.token.nameRequired");
        assertThat(russian.json().get("detail").asString()).contains(messages.getMessage("identity.token.nameRequired",
                null, Locale.forLanguageTag("ru")));
        assertThat(english.json().get("detail").asString()).as("Accept-Language wins")
                .contains(messages.getMessage("identity.token.nameRequired", null, Locale.ENGLISH));
        var forbidden = script.get("/api/users");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asString()).isEqualTo("identity.auth.forbidden");
        assertThat(forbidden.json().get("detail").asString()).isEqualTo(messages.getMessage("identity.auth.forbidden",
                null, Locale.forLanguageTag("ru")));
        // the administrator's account is in Kazakh, the default
        var kazakh = ApiClient.admin(port).postJson("/api/users/me/tokens", Map.of("name", ""));
        assertThat(kazakh.json().get("detail").asString()).contains(messages.getMessage("identity.token.nameRequired",
                null, Locale.forLanguageTag("kk")));
    }

    @Test
    void afterSignInThePagesSpeakTheAccountsLanguageUntilTheUserSwitches() {
        String password = "russian reader pass phrase";
        String username = createUser("ru", password);
        WebClient web = new WebClient(port);
        assertThat(web.get("/login?lang=en").body()).contains("lang=\"en\"");

        web.signIn(username, password);

        WebClient.Page first = web.get("/");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("<html lang=\"ru\"").contains(text("ru", "nav.dashboard"))
                .doesNotContain(">" + text("en", "nav.dashboard") + "<");
        web.get("/?lang=kk");
        assertThat(web.get("/account").body()).contains("<html lang=\"kk\"").contains(text("kk", "account.heading"));
    }
}
