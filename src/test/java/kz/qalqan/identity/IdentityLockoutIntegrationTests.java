package kz.qalqan.identity;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing is slowed by growing per-account delays (never a lock-out, issue 10 item 7) and by the per-address
 * throttle; an address the owner signed in from is exempt from the account's delay, and repeated failures are
 * told to the owner and the administrators.
 */
class IdentityLockoutIntegrationTests extends SignInTestSupport {

    private static final String OWNER_ADDRESS = "198.51.100.7";

    private int strangers;

    /** A new address for each attempt, as a botnet would send them (so the address throttle never bites). */
    private ApiClient stranger(String username, String password) {
        strangers++;
        return as(username, password).from("203.0.113." + (strangers % 250 + 1));
    }

    @Test
    void theDelayGrowsFromTheFourthFailureAndIsCappedAtThirtySeconds() {
        String username = uniqueName("guessed");
        createUser(username, "COMMANDER", "KZ-75");

        for (int i = 1; i <= 3; i++) {
            assertThat(stranger(username, "not the password at all").get("/api/users/me").status()).as("failure %d", i).isEqualTo(401);
        }
        long[] expected = {2, 4, 8, 16, 30, 30};
        for (long seconds : expected) {
            var wrong = stranger(username, "not the password at all").get("/api/users/me");
            assertThat(wrong.status()).as("evaluated after the wait").isEqualTo(401);
            var waiting = stranger(username, PASSWORD).get("/api/users/me");
            assertThat(waiting.status()).as("even the right password waits").isEqualTo(429);
            assertThat(waiting.json().get("type").asString()).endsWith("/sign-in-delayed");
            assertThat(Long.parseLong(waiting.header("Retry-After"))).isBetween(seconds, seconds + 1);
            clock.advance(Duration.ofSeconds(seconds + 1));
        }

        assertThat(stranger(username, PASSWORD).get("/api/users/me").status()).as("never locked out").isEqualTo(200);
    }

    @Test
    void strangersGuessingCannotKeepTheOwnerOut() {
        String username = uniqueName("national-admin");
        createUser(username, "ADMIN", "KZ");
        ApiClient owner = as(username, PASSWORD).from(OWNER_ADDRESS);
        assertThat(owner.get("/api/users/me").status()).isEqualTo(200);

        for (int i = 0; i < 40; i++) {
            stranger(username, "guess number " + i + " of many").get("/api/users/me");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(stranger(username, PASSWORD).get("/api/users/me").status()).as("strangers wait").isEqualTo(429);

        assertThat(owner.get("/api/users/me").status()).as("the owner from their own address").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        String username = uniqueName("clumsy");
        createUser(username, "MEMBER", "KZ");
        ApiClient wrong = as(username, "typo in the password");

        for (int i = 0; i < 3; i++) {
            assertThat(wrong.get("/api/users/me").status()).isEqualTo(401);
        }
        assertThat(as(username, PASSWORD).get("/api/users/me").status()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from identity.login_throttle where kind = 'USERNAME' and subject = ?")
                .param(username).query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownUsernameIsDelayedTheSameWaySoDelaysRevealNoAccounts() {
        String known = uniqueName("known");
        createUser(known, "MEMBER", "KZ");
        String unknown = uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            stranger(known, "wrong password here").get("/api/users/me");
            stranger(unknown, "wrong password here").get("/api/users/me");
        }

        var knownDelayed = stranger(known, PASSWORD).get("/api/users/me");
        var unknownDelayed = stranger(unknown, PASSWORD).get("/api/users/me");

        assertThat(unknownDelayed.status()).isEqualTo(knownDelayed.status()).isEqualTo(429);
        assertThat(unknownDelayed.body()).isEqualTo(knownDelayed.body());
    }

    @Test
    void theAdministratorSeesTheDelayAndANewPasswordLiftsIt() {
        String username = uniqueName("delayed");
        long id = createUser(username, "MEMBER", "KZ").get("id").asLong();
        for (int i = 0; i < 5; i++) {
            stranger(username, "wrong password here").get("/api/users/me");
        }
        assertThat(admin.get("/api/users/" + id).json().get("lockedUntil").isNull()).isFalse();

        String next = "a fresh start for the user 42";
        assertThat(admin.postJson("/api/users/" + id + "/password", Map.of("password", next)).status()).isEqualTo(204);

        assertThat(stranger(username, next).get("/api/users/me").status()).isEqualTo(200);
        JsonNode account = admin.get("/api/users/" + id).json();
        assertThat(account.get("lockedUntil").isNull()).isTrue();
        assertThat(account.get("failedSignIns").isNull()).as("the notice goes with the old password").isTrue();
    }

    @Test
    void repeatedFailuresAreToldToTheOwnerAndTheAdministrators() {
        String username = uniqueName("targeted");
        long id = createUser(username, "MEMBER", "KZ").get("id").asLong();
        for (int i = 0; i < 4; i++) {
            stranger(username, "wrong password here").get("/api/users/me");
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(admin.get("/api/users/" + id).json().get("failedSignIns").isNull()).as("below the threshold").isTrue();
        stranger(username, "wrong password here").get("/api/users/me");
        clock.advance(Duration.ofSeconds(31));

        JsonNode notice = admin.get("/api/users/" + id).json().get("failedSignIns");
        assertThat(notice.get("failures").asInt()).isEqualTo(5);
        assertThat(notice.get("lastAddress").asString()).startsWith("203.0.113.");
        String audited = jdbc.sql("select details from audit.event where action = 'SIGN_IN_REPEATED_FAILURES' and entity_id = ?")
                .param(Long.toString(id)).query(String.class).single();
        assertThat(audited).startsWith(username + " failures 5 since ");

        WebSession browser = new WebSession(port);
        String csrf = IdentityWebSecurityIntegrationTests.csrfToken(browser);
        var signIn = browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", csrf));
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> page = browser.get("/account");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"failed-sign-ins\"");
        assertThat(admin.get("/api/users/" + id).json().get("failedSignIns").get("failures").asInt())
                .as("a success does not hide what happened").isEqualTo(5);
    }

    @Test
    void throttlesAnAddressAfterTwentyFailuresWhateverTheUsername() {
        for (int i = 0; i < 20; i++) {
            var r = as(uniqueName("spray"), "Summer2026-password").get("/api/regions");
            assertThat(r.status()).as("failure %d", i + 1).isEqualTo(401);
        }

        var throttled = admin.get("/api/regions");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("type").asString()).endsWith("/sign-in-throttled");
        assertThat(throttled.header("Retry-After")).isNotNull();

        clock.advance(Duration.ofMinutes(16));
        assertThat(admin.get("/api/regions").status()).isEqualTo(200);
    }

    @Test
    void wrongBearerTokensCountAgainstTheAddress() {
        for (int i = 0; i < 20; i++) {
            var r = ApiClient.bearer(port, "qlq_" + uniqueName("guess") + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("/api/regions");
            assertThat(r.status()).as("failure %d", i + 1).isEqualTo(401);
        }

        assertThat(admin.get("/api/regions").status()).isEqualTo(429);
    }

    @Test
    void theSignInFormSaysWhenAUsernameMustWait() {
        String username = uniqueName("form-user");
        createUser(username, "MEMBER", "KZ");
        WebSession browser = new WebSession(port);
        String token = IdentityWebSecurityIntegrationTests.csrfToken(browser);

        HttpResponse<String> wrong = null;
        for (int i = 0; i < 4; i++) {
            wrong = browser.postForm("/login", Map.of("username", username, "password", "wrong password here", "_csrf", token));
        }
        var delayed = browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", token));

        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(delayed.statusCode()).isEqualTo(302);
        assertThat(delayed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error&delayed");
        assertThat(browser.get("/login?error&delayed").body()).containsAnyOf("Wait half a minute", "Подождите полминуты",
                "Жарты минут");
    }

    /** Issue 10, item 10: wrong current passwords on the change-password call were unlimited and unaudited. */
    @Test
    void wrongCurrentPasswordsOnTheChangeCallAreDelayedAndAudited() {
        String username = uniqueName("borrowed");
        createUser(username, "MEMBER", "KZ");
        ApiClient borrowed = as(username, PASSWORD); // someone at the owner's unlocked computer
        String next = "a brand new passphrase 2026";

        for (int i = 1; i <= 4; i++) {
            var r = borrowed.postJson("/api/users/me/password", Map.of("currentPassword", "guess " + i + " at it", "newPassword", next));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("code").asString()).isEqualTo("password.current.wrong");
        }
        var delayed = borrowed.postJson("/api/users/me/password", Map.of("currentPassword", PASSWORD, "newPassword", next));

        assertThat(delayed.status()).isEqualTo(400);
        JsonNode problem = delayed.json().get("errors").get(0);
        assertThat(problem.get("code").asString()).isEqualTo("password.current.delayed");
        assertThat(problem.get("args").get(0).asLong()).isBetween(1L, 3L);
        assertThat(jdbc.sql("select count(*) from audit.event where action = 'PASSWORD_CHANGE_FAILED' and details like ?")
                .param(username + " %").query(Long.class).single()).isEqualTo(4);

        clock.advance(Duration.ofSeconds(3));
        assertThat(borrowed.postJson("/api/users/me/password", Map.of("currentPassword", PASSWORD, "newPassword", next)).status())
                .isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from identity.login_throttle where kind = 'PASSWORD_CHANGE' and subject = ?")
                .param(username).query(Long.class).single()).as("forgotten once the password is changed").isZero();
    }
}
