package kz.qalqan.web;

import kz.qalqan.identity.PasswordRejection;
import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** User administration and the own account page over real HTTP, signed in through the login form. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserPagesIntegrationTests {

    private static final String ADMIN_PASSWORD = "test-admin-password-1";
    private static final Pattern SECRET = Pattern.compile("value=\"(qlq_[A-Za-z0-9_-]{20,})\"");
    private static final Pattern TOKEN_ROW = Pattern.compile("<tr id=\"token-(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    private String en(String key, Object... args) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, args, Locale.ENGLISH));
    }

    private WebClient admin() {
        return new WebClient(port).signIn("admin", ADMIN_PASSWORD);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The fields of the user form with three grant rows, the first one filled in. */
    private static Map<String, String> userForm(String username, String password, String role, String scope) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("password", password);
        fields.put("displayName", "Айгүл Сәрсенова");
        fields.put("language", "ru");
        fields.put("memberId", "");
        fields.put("grants[0].role", role);
        fields.put("grants[0].scope", scope);
        for (int i = 1; i < 3; i++) {
            fields.put("grants[" + i + "].role", "");
            fields.put("grants[" + i + "].scope", "");
        }
        return fields;
    }

    @Test
    void anAdministratorCreatesAUserWithARegionGrantThroughTheForm() {
        WebClient web = admin();
        WebClient.Page list = web.get("/admin/users?lang=en");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/admin/users/new\"").contains(">admin<");

        WebClient.Page form = web.get("/admin/users/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(en("user.password.policy")).contains("id=\"grant-2-scope\"")
                .contains("name=\"addGrant\"");

        String username = "ui-" + tag();
        WebClient.Page created = web.post("/admin/users", form, userForm(username, "long enough pass phrase 7", "COMMANDER", "KZ-75"));
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(created.location()).endsWith("/admin/users");

        WebClient.Page after = web.get("/admin/users");
        assertThat(after.body()).contains(en("users.created", username)).contains(">" + username + "<")
                .contains(en("role.COMMANDER") + " @ Almaty (KZ-75)").contains("Айгүл Сәрсенова");
        assertThat(new ApiClient(port, username, "long enough pass phrase 7").get("/api/users/me").status()).isEqualTo(200);
    }

    @Test
    void aBadScopeAndAWeakPasswordShowNextToTheirFieldsAndTheFormKeepsWhatWasTyped() {
        WebClient web = admin();
        WebClient.Page form = web.get("/admin/users/new?lang=en");
        String username = "ui-bad-" + tag();
        Map<String, String> fields = userForm(username, "short", "", "");
        fields.put("grants[1].role", "SAFETY_OFFICER");
        fields.put("grants[1].scope", "KZ-99x");
        WebClient.Page page = web.post("/admin/users", form, fields);

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        // the problem with the second grant sent lands on the row it was typed in (row 1; row 0 was empty)
        assertThat(body).contains("id=\"grant-1-scope-error\"");
        int scopeInput = body.indexOf("id=\"grant-1-scope\"");
        int scopeError = body.indexOf("id=\"grant-1-scope-error\"");
        assertThat(scopeInput).isPositive();
        assertThat(body.substring(scopeInput, scopeError)).contains("value=\"KZ-99x\"").contains("aria-invalid=\"true\"")
                .doesNotContain("id=\"grant-2");
        assertThat(body.substring(scopeError, body.indexOf("</p>", scopeError))).contains(en("identity.grant.scopeUnknown", "KZ-99x"));
        assertThat(body).doesNotContain("id=\"grant-0-scope-error\"");

        int passwordError = body.indexOf("id=\"password-error\"");
        assertThat(passwordError).isPositive();
        assertThat(body.substring(passwordError, body.indexOf("</p>", passwordError)))
                .contains(en(PasswordRejection.TOO_SHORT.messageKey()));
        assertThat(body).contains("value=\"" + username + "\"").contains("value=\"Айгүл Сәрсенова\"")
                .contains("<option value=\"SAFETY_OFFICER\" selected=\"selected\"");
        assertThat(body).doesNotContain("value=\"short\"");
        assertThat(web.get("/admin/users").body()).doesNotContain(username);

        // "add a row" works without JavaScript: the same form again with one more empty row
        fields.put("addGrant", "1");
        WebClient.Page more = web.post("/admin/users", page, fields);
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.body()).contains("id=\"grant-3-scope\"").doesNotContain("id=\"grant-4-scope\"")
                .contains("value=\"KZ-99x\"").doesNotContain("class=\"field-error\"");
    }

    @Test
    void anAdministratorEditsResetsThePasswordOfAndDeletesAUser() {
        WebClient web = admin();
        String username = "ui-edit-" + tag();
        WebClient.Page form = web.get("/admin/users/new?lang=en");
        assertThat(web.post("/admin/users", form, userForm(username, "first pass phrase here 1", "AUDITOR", "KZ-75")).status())
                .isEqualTo(302);
        Matcher row = Pattern.compile("<tr id=\"user-(\\d+)\">\\s*<td class=\"mono\"><a href=\"[^\"]+\">" + username + "<")
                .matcher(web.get("/admin/users").body());
        assertThat(row.find()).isTrue();
        String id = row.group(1);

        WebClient.Page edit = web.get("/admin/users/" + id + "/edit");
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"KZ-75\"").contains("<option value=\"AUDITOR\" selected=\"selected\"");
        Map<String, String> changes = new LinkedHashMap<>(userForm(null, null, "AUDITOR", "KZ-75"));
        changes.remove("username");
        changes.remove("password");
        changes.put("status", "DISABLED");
        changes.put("grants[1].role", "COMMANDER");
        changes.put("grants[1].scope", "KZ");
        assertThat(web.post("/admin/users/" + id, edit, changes).status()).isEqualTo(302);
        String list = web.get("/admin/users").body();
        assertThat(list).contains(en("role.COMMANDER") + " @ Kazakhstan (KZ)").contains(en("userStatus.DISABLED"));

        WebClient.Page weak = web.post("/admin/users/" + id + "/password", edit, Map.of("password", "password"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("id=\"reset-password-error\"");
        WebClient.Page reset = web.post("/admin/users/" + id + "/password", edit, Map.of("password", "second pass phrase here 2"));
        assertThat(reset.status()).isEqualTo(302);
        assertThat(web.get(reset.location()).body()).contains(en("users.passwordReset.done"));

        WebClient.Page confirm = web.get("/admin/users/" + id + "/delete");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains(en("users.delete.confirm"));
        WebClient.Page deleted = web.post("/admin/users/" + id + "/delete", confirm, Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(web.get("/admin/users").body()).doesNotContain(">" + username + "<").contains(en("users.deleted", username));
        assertThat(web.get("/admin/users/" + id + "/edit").status()).isEqualTo(404);
    }

    @Test
    void someoneWithoutANationalAdminGrantCannotManageUsersButHasTheirAccountPage() {
        String username = "ui-cmd-" + tag();
        String password = "commander pass phrase 1";
        createUser(username, password, "ADMIN", "KZ-75");
        WebClient web = new WebClient(port).signIn(username, password);
        assertThat(web.get("/admin/users").status()).isEqualTo(403);
        assertThat(web.get("/admin/users/new").status()).isEqualTo(403);
        WebClient.Page home = web.get("/?lang=en");
        assertThat(home.body()).doesNotContain("href=\"/admin/users\"").contains("href=\"/account\"");
        assertThat(admin().get("/").body()).contains("href=\"/admin/users\"");
        WebClient.Page account = web.get("/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains(username).contains(en("role.ADMIN") + " @ Almaty (KZ-75)");
    }

    @Test
    void theAccountPageIssuesATokenShownOnceThatWorksUntilRevoked() {
        String username = "ui-tok-" + tag();
        String password = "token owner pass phrase";
        createUser(username, password, "COMMANDER", "KZ-75");
        WebClient web = new WebClient(port).signIn(username, password);
        WebClient.Page account = web.get("/account?lang=en");
        assertThat(account.body()).contains(en("account.tokens.none"));

        WebClient.Page bad = web.post("/account/tokens", account, Map.of("name", "", "expiresInDays", "9999"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"name-error\"").contains(en("identity.token.lifetime", "365"))
                .contains("value=\"9999\"");

        WebClient.Page issued = web.post("/account/tokens", account, Map.of("name", "nightly export", "expiresInDays", "30"));
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        assertThat(issued.body()).contains(en("account.issued.warning"));
        Matcher secret = SECRET.matcher(issued.body());
        assertThat(secret.find()).isTrue();

        ApiClient bearer = ApiClient.bearer(port, secret.group(1));
        var me = bearer.get("/api/users/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body()).contains(username);

        WebClient.Page list = web.get("/account");
        assertThat(list.body()).contains("nightly export").doesNotContain(secret.group(1));
        Matcher row = TOKEN_ROW.matcher(list.body());
        assertThat(row.find()).isTrue();
        WebClient.Page revoked = web.post("/account/tokens/" + row.group(1) + "/revoke", list, Map.of());
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(web.get("/account").body()).contains(en("account.tokens.revoked"));
        assertThat(bearer.get("/api/users/me").status()).isEqualTo(401);
    }

    @Test
    void usersChangeTheirOwnPassword() {
        String username = "ui-pw-" + tag();
        String password = "old pass phrase for me";
        createUser(username, password, "MEMBER", "KZ-75");
        WebClient web = new WebClient(port).signIn(username, password);
        WebClient.Page account = web.get("/account?lang=en");

        WebClient.Page wrong = web.post("/account/password", account,
                Map.of("currentPassword", "not my password at all", "newPassword", "new pass phrase for me"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"currentPassword-error\"").contains(en("password.current.wrong"));
        WebClient.Page weak = web.post("/account/password", account, Map.of("currentPassword", password, "newPassword", "short"));
        assertThat(weak.body()).contains("id=\"newPassword-error\"").contains(en(PasswordRejection.TOO_SHORT.messageKey()));

        WebClient.Page changed = web.post("/account/password", account,
                Map.of("currentPassword", password, "newPassword", "new pass phrase for me"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(web.get("/account").body()).contains(en("account.password.changed"));
        new WebClient(port).signIn(username, "new pass phrase for me");
        assertThat(new ApiClient(port, username, password).get("/api/users/me").status()).isEqualTo(401);
    }

    private void createUser(String username, String password, String role, String scope) {
        var r = ApiClient.admin(port).postJson("/api/users", Map.of("username", username, "password", password,
                "displayName", "Test " + role, "language", "en", "grants", List.of(Map.of("role", role, "scope", scope))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
