package kz.qalqan.identity;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chain: CSRF on forms, a new session id at sign-in, security headers, what is public. */
class IdentityWebSecurityIntegrationTests extends SignInTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Opens a session and returns the CSRF token that the sign-in page would carry in its form. */
    static String csrfToken(WebSession browser) {
        HttpResponse<String> r = browser.get("/login?csrf-probe");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asString();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRejected() {
        String username = uniqueName("csrf");
        createUser(username, "MEMBER", "KZ");
        WebSession browser = new WebSession(port);
        String token = csrfToken(browser);

        var withoutToken = browser.postForm("/login", Map.of("username", username, "password", PASSWORD));
        var withWrongToken = browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", "forged"));
        var logoutWithoutToken = browser.postForm("/logout", Map.of());

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withWrongToken.statusCode()).isEqualTo(403);
        assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", token)).statusCode())
                .isEqualTo(302);
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneIsWorthNothing() {
        String username = uniqueName("fixation");
        createUser(username, "COMMANDER", "KZ-75");
        WebSession browser = new WebSession(port);
        String token = csrfToken(browser);
        String before = browser.sessionId();
        assertThat(before).isNotBlank();

        var signIn = browser.postForm("/login", Map.of("username", username, "password", PASSWORD, "_csrf", token));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = browser.sessionId();
        assertThat(after).isNotBlank().isNotEqualTo(before);
        var whoami = browser.get("/probe/whoami");
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains(username);

        WebSession attacker = new WebSession(port);
        attacker.cookies.put("SESSION", before);
        var planted = attacker.get("/probe/whoami");
        assertThat(planted.statusCode()).isEqualTo(302);
        assertThat(planted.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aWrongPasswordOnTheFormGoesBackToTheSignInPage() {
        WebSession browser = new WebSession(port);
        String token = csrfToken(browser);

        var r = browser.postForm("/login", Map.of("username", uniqueName("nobody"), "password", "whatever it is 123", "_csrf", token));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void pagesCarryStrictSecurityHeaders() {
        var page = new WebSession(port).get("/login?csrf-probe");

        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        var api = admin.get("/api/regions");
        assertThat(api.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(api.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(api.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void healthIsPublicAndMetricsAreNot() {
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);

        var anonymous = new WebSession(port).get("/actuator/prometheus");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
    }

    /** Issue 10, item 13: the metrics are for administrators only, not for every signed-in user. */
    @Test
    void metricsAreForAdministratorsOnly() {
        for (String role : new String[] {"MEMBER", "COMMANDER", "AUDITOR", "EMERGENCY_COORDINATOR"}) {
            String username = uniqueName(role.toLowerCase().replace('_', '-'));
            createUser(username, role, "KZ");
            assertThat(as(username, PASSWORD).get("/actuator/prometheus").status()).as(role).isEqualTo(403);
        }
        String regionalAdmin = uniqueName("regional-admin");
        createUser(regionalAdmin, "ADMIN", "KZ-75");
        assertThat(as(regionalAdmin, PASSWORD).get("/actuator/prometheus").status()).isEqualTo(200);
    }
}
