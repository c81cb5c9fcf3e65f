package kz.qalqan.identity;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 1: a browser session and a personal access token signed in before an administrator deletes,
 * disables, demotes or resets the password of the account are refused at once afterwards, and nothing they
 * try is written (no audited write). Sessions live in PostgreSQL (Spring Session JDBC) and also end 12 hours
 * after sign-in however active they are.
 */
class IdentityAccessEndsIntegrationTests extends SignInTestSupport {

    /** The account, a signed-in browser with the CSRF token of its forms, and a token secret. */
    record SignedIn(long id, String username, WebSession browser, String csrf, String token) {
    }

    SignedIn signedIn(String role, String scope) {
        String username = uniqueName("holder");
        long id = createUser(username, role, scope).get("id").asLong();
        WebSession browser = new WebSession(port);
        String csrf = IdentityWebSecurityIntegrationTests.csrfToken(browser);
        var signIn = browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        csrf = IdentityWebSecurityIntegrationTests.csrfToken(browser); // the token of the signed-in session
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        var issued = as(username, PASSWORD).postJson("/api/users/me/tokens", Map.of("name", "script", "expiresInDays", 30));
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("secret").asString();
        assertThat(ApiClient.bearer(port, token).get("/api/users/me").status()).isEqualTo(200);
        return new SignedIn(id, username, browser, csrf, token);
    }

    long auditedWritesBy(String username) {
        return jdbc.sql("select count(*) from audit.event where actor = ? and action = 'TOKEN_ISSUE'")
                .param(username).query(Long.class).single();
    }

    void assertRefusedAtOnce(SignedIn s) {
        long writesBefore = auditedWritesBy(s.username());

        HttpResponse<String> page = s.browser().get("/account");
        HttpResponse<String> write = s.browser().postForm("/account/tokens",
                Map.of("name", "after the change", "expiresInDays", "5", "_csrf", s.csrf()));
        var api = ApiClient.bearer(port, s.token()).get("/api/users/me");
        var mint = ApiClient.bearer(port, s.token()).postJson("/api/users/me/tokens", Map.of("name", "escape"));

        assertThat(page.statusCode()).as("the old session's page").isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(write.statusCode()).as("the old session's form post").isIn(302, 403);
        assertThat(api.status()).as("the old token").isEqualTo(401);
        assertThat(mint.status()).as("the old token minting").isEqualTo(401);
        assertThat(auditedWritesBy(s.username())).as("audited writes after the change").isEqualTo(writesBefore);
        assertThat(jdbc.sql("select count(*) from identity.http_session where principal_name = ?").param(s.username())
                .query(Long.class).single()).isZero();
    }

    void change(SignedIn s, String status, List<Map<String, String>> grants) {
        var r = admin.putJson("/api/users/" + s.id(), Map.of("displayName", "Changed", "language", "ru", "status", status,
                "grants", grants));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void sessionsArePersistedInPostgresql() {
        SignedIn s = signedIn("MEMBER", "KZ");

        assertThat(jdbc.sql("select count(*) from identity.http_session where principal_name = ?").param(s.username())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deletingTheAccountEndsItsSessionAndToken() {
        SignedIn s = signedIn("COMMANDER", "KZ-75");

        assertThat(admin.delete("/api/users/" + s.id()).status()).isEqualTo(204);

        assertRefusedAtOnce(s);
    }

    @Test
    void disablingTheAccountEndsItsSessionAndToken() {
        SignedIn s = signedIn("COMMANDER", "KZ-75");

        change(s, "DISABLED", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75")));

        assertRefusedAtOnce(s);
        var enabledAgain = admin.putJson("/api/users/" + s.id(), Map.of("displayName", "Back", "language", "ru",
                "status", "ACTIVE", "grants", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75"))));
        assertThat(enabledAgain.status()).isEqualTo(200);
        assertThat(ApiClient.bearer(port, s.token()).get("/api/users/me").status()).as("revoked, not only suspended")
                .isEqualTo(401);
    }

    @Test
    void demotingTheAccountEndsItsSessionAndToken() {
        SignedIn s = signedIn("COMMANDER", "KZ-75");

        change(s, "ACTIVE", List.of(Map.of("role", "MEMBER", "scope", "KZ-75")));

        assertRefusedAtOnce(s);
        assertThat(as(s.username(), PASSWORD).get("/api/users/me").json().get("caller").get("grants").get(0)
                .get("role").asString()).as("a fresh sign-in carries the new grant").isEqualTo("MEMBER");
    }

    @Test
    void narrowingTheScopeEndsItsSessionAndToken() {
        SignedIn s = signedIn("COMMANDER", "KZ");

        change(s, "ACTIVE", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75")));

        assertRefusedAtOnce(s);
    }

    @Test
    void anAdministratorsPasswordResetEndsItsSessionAndToken() {
        SignedIn s = signedIn("COMMANDER", "KZ-75");

        var reset = admin.postJson("/api/users/" + s.id() + "/password", Map.of("password", "a fresh start for the user 42"));
        assertThat(reset.status()).isEqualTo(204);

        assertRefusedAtOnce(s);
        assertThat(as(s.username(), "a fresh start for the user 42").get("/api/users/me").status()).isEqualTo(200);
    }

    @Test
    void addingAGrantOrRenamingKeepsTheSessionAndToken() {
        SignedIn s = signedIn("COMMANDER", "KZ-75");

        change(s, "ACTIVE", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75"), Map.of("role", "AUDITOR", "scope", "KZ-75")));

        assertThat(s.browser().get("/account").statusCode()).isEqualTo(200);
        assertThat(ApiClient.bearer(port, s.token()).get("/api/users/me").status()).isEqualTo(200);
    }

    @Test
    void endingAccessIsAudited() {
        SignedIn s = signedIn("COMMANDER", "KZ-75");

        change(s, "DISABLED", List.of(Map.of("role", "COMMANDER", "scope", "KZ-75")));

        String details = jdbc.sql("select reason || ' ' || details from audit.event where action = 'USER_ACCESS_ENDED' and entity_id = ?")
                .param(Long.toString(s.id())).query(String.class).single();
        assertThat(details).isEqualTo("disabled " + s.username() + " sessions 1 tokens 1");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverActive() {
        SignedIn s = signedIn("MEMBER", "KZ");

        for (int hour = 1; hour < 12; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(s.browser().get("/account").statusCode()).as("after %d hours", hour).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(59));
        assertThat(s.browser().get("/account").statusCode()).as("11 h 59 min").isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));

        var expired = s.browser().get("/account");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(ApiClient.bearer(port, s.token()).get("/api/users/me").status()).as("tokens have their own expiry")
                .isEqualTo(200);
    }

    @Test
    void theOwnersOtherChangesLeaveTheSessionAlone() {
        SignedIn s = signedIn("MEMBER", "KZ");
        Consumer<String> stillIn = what -> assertThat(s.browser().get("/account").statusCode()).as(what).isEqualTo(200);

        var other = createUser(uniqueName("neighbour"), "MEMBER", "KZ");
        assertThat(admin.delete("/api/users/" + other.get("id").asLong()).status()).isEqualTo(204);

        stillIn.accept("after another account was deleted");
        JsonNode me = as(s.username(), PASSWORD).get("/api/users/me").json();
        assertThat(me.get("caller").get("username").asString()).isEqualTo(s.username());
    }
}
