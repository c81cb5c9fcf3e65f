package kz.qalqan.identity;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityLockoutIntegrationTests extends SignInTestSupport {

    @Test
    void locksAUsernameAfterFiveFailuresAndUnlocksAfterFifteenMinutes() {
        String username = uniqueName("guessed");
        createUser(username, "COMMANDER", "KZ-75");
        ApiClient wrong = as(username, "not the password at all");
        ApiClient right = as(username, PASSWORD);

        for (int i = 0; i < 5; i++) {
            var r = wrong.get("/api/users/me");
            assertThat(r.status()).as("failure %d", i + 1).isEqualTo(401);
            assertThat(r.json().get("type").asString()).endsWith("/unauthenticated");
        }
        var locked = right.get("/api/users/me");

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.json().get("type").asString()).endsWith("/sign-in-locked");
        assertThat(locked.json().get("detail").asString()).contains("temporarily locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(60L, 15 * 60L + 1);

        clock.advance(Duration.ofMinutes(14));
        assertThat(right.get("/api/users/me").status()).as("still locked after 14 minutes").isEqualTo(401);

        clock.advance(Duration.ofMinutes(2));
        assertThat(right.get("/api/users/me").status()).as("unlocked after 16 minutes").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInResetsTheCount() {
        String username = uniqueName("clumsy");
        createUser(username, "MEMBER", "KZ");
        ApiClient wrong = as(username, "typo in the password");

        for (int i = 0; i < 4; i++) {
            assertThat(wrong.get("/api/users/me").status()).isEqualTo(401);
        }
        assertThat(as(username, PASSWORD).get("/api/users/me").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(wrong.get("/api/users/me").status()).isEqualTo(401);
        }

        assertThat(as(username, PASSWORD).get("/api/users/me").status()).isEqualTo(200);
    }

    @Test
    void anUnknownUsernameLocksTheSameWaySoLockoutRevealsNoAccounts() {
        String known = uniqueName("known");
        createUser(known, "MEMBER", "KZ");
        String unknown = uniqueName("nobody");
        for (int i = 0; i < 5; i++) {
            as(known, "wrong password here").get("/api/users/me");
            as(unknown, "wrong password here").get("/api/users/me");
        }

        var knownLocked = as(known, PASSWORD).get("/api/users/me");
        var unknownLocked = as(unknown, PASSWORD).get("/api/users/me");

        assertThat(unknownLocked.status()).isEqualTo(knownLocked.status()).isEqualTo(401);
        assertThat(unknownLocked.body()).isEqualTo(knownLocked.body());
    }

    @Test
    void theAdministratorSeesTheLockAndANewPasswordLiftsIt() {
        String username = uniqueName("locked-out");
        long id = createUser(username, "MEMBER", "KZ").get("id").asLong();
        for (int i = 0; i < 5; i++) {
            as(username, "wrong password here").get("/api/users/me");
        }
        assertThat(admin.get("/api/users/" + id).json().get("lockedUntil").isNull()).isFalse();

        String next = "a fresh start for the user 42";
        assertThat(admin.postJson("/api/users/" + id + "/password", Map.of("password", next)).status()).isEqualTo(204);

        assertThat(as(username, next).get("/api/users/me").status()).isEqualTo(200);
        assertThat(admin.get("/api/users/" + id).json().get("lockedUntil").isNull()).isTrue();
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
    void theSignInFormSaysWhenAUsernameIsLocked() {
        String username = uniqueName("form-user");
        createUser(username, "MEMBER", "KZ");
        WebSession browser = new WebSession(port);
        String token = IdentityWebSecurityIntegrationTests.csrfToken(browser);

        HttpResponse<String> wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = browser.postForm("/login", Map.of("username", username, "password", "wrong password here", "_csrf", token));
        }
        var locked = browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", token));

        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(locked.statusCode()).isEqualTo(302);
        assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?error&locked");
    }
}
