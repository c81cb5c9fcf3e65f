package kz.qalqan.identity;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static kz.qalqan.identity.IdentitySecurityTestConfiguration.FOREIGN_KEY;
import static kz.qalqan.identity.IdentitySecurityTestConfiguration.IDENTITY_PROVIDER_KEY;
import static kz.qalqan.identity.IdentitySecurityTestConfiguration.jwt;
import static org.assertj.core.api.Assertions.assertThat;

/** JWTs from an external identity provider, here one whose RSA key was generated for this test run. */
class IdentityJwtIntegrationTests extends SignInTestSupport {

    @Test
    void aJwtNamingAQalqanUserSignsInWithThatUsersGrants() {
        String username = uniqueName("keycloak-user");
        createUser(username, "SAFETY_OFFICER", "KZ-11");

        var r = ApiClient.bearer(port, jwt(IDENTITY_PROVIDER_KEY, c -> c.claim("preferred_username", username))).get("/api/users/me");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("caller").get("username").asString()).isEqualTo(username);
        assertThat(r.json().get("caller").get("grants").get(0).get("role").asString()).isEqualTo("SAFETY_OFFICER");
        assertThat(r.json().get("caller").get("grants").get(0).get("orgPath").asString()).isEqualTo("KZ-11/");
    }

    @Test
    void aJwtForAnUnknownUsernameIsRefused() {
        var r = ApiClient.bearer(port, jwt(IDENTITY_PROVIDER_KEY, c -> c.claim("preferred_username", uniqueName("stranger"))))
                .get("/api/users/me");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aJwtSignedByAnotherKeyIsRefused() {
        String username = uniqueName("forged");
        createUser(username, "ADMIN", "KZ-75");

        var r = ApiClient.bearer(port, jwt(FOREIGN_KEY, c -> c.claim("preferred_username", username))).get("/api/users/me");

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void anExpiredJwtIsRefused() {
        String username = uniqueName("late");
        createUser(username, "MEMBER", "KZ");
        Instant past = Instant.now().minus(Duration.ofHours(2));

        var r = ApiClient.bearer(port, jwt(IDENTITY_PROVIDER_KEY, c -> c.claim("preferred_username", username)
                .issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))))).get("/api/users/me");

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void aJwtWithoutTheUsernameClaimIsRefused() {
        assertThat(ApiClient.bearer(port, jwt(IDENTITY_PROVIDER_KEY, c -> { })).get("/api/users/me").status()).isEqualTo(401);
    }

    @Test
    void aJwtForADisabledUserIsRefused() {
        String username = uniqueName("suspended");
        long id = createUser(username, "MEMBER", "KZ").get("id").asLong();
        admin.putJson("/api/users/" + id, Map.of("displayName", "Suspended", "language", "kk", "status", "DISABLED",
                "grants", List.of(Map.of("role", "MEMBER", "scope", "KZ"))));

        var r = ApiClient.bearer(port, jwt(IDENTITY_PROVIDER_KEY, c -> c.claim("preferred_username", username))).get("/api/users/me");

        assertThat(r.status()).isEqualTo(401);
    }
}
