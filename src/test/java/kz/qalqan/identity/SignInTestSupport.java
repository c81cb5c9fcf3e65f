package kz.qalqan.identity;

import kz.qalqan.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the sign-in tests, which share one context with a movable clock. All requests come from the same
 * address, so every test starts an hour later than the previous one: old failures have left the address
 * window and old lockouts have expired.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qalqan.identity.lockout.max-failures-per-address=20", // the default; the shared test config raises it
                "server.forward-headers-strategy=native"}) // so that tests can sign in "from" other addresses
@Import(IdentitySecurityTestConfiguration.class)
abstract class SignInTestSupport {

    static final String PASSWORD = "correct horse battery staple 7";

    @LocalServerPort
    int port;

    @Autowired
    IdentitySecurityTestConfiguration.MovableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ApiClient admin;

    /**
     * Failures counted under the moved clock lie hours in the future; with an external database shared by
     * every test context they would throttle the next test class, so they go with the test that made them.
     */
    @org.junit.jupiter.api.AfterEach
    void forgetFailures() {
        jdbc.sql("delete from identity.login_throttle").update();
    }

    @BeforeEach
    void startInAFreshWindow() {
        clock.advance(Duration.ofHours(1));
        admin = ApiClient.admin(port);
    }

    static String uniqueName(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode createUser(String username, String role, String scope) {
        var r = admin.postJson("/api/users", Map.of("username", username, "password", PASSWORD, "displayName", "Test " + username,
                "language", "ru", "grants", List.of(Map.of("role", role, "scope", scope))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    ApiClient as(String username, String password) {
        return new ApiClient(port, username, password);
    }
}
