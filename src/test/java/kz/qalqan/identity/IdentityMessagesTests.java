package kz.qalqan.identity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity texts exist in Kazakh, Russian and English alike, for every password rejection and lockout. */
class IdentityMessagesTests {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = IdentityMessagesTests.class.getResourceAsStream("/messages/identity" + suffix + ".properties")) {
            assertThat(in).as("bundle identity%s", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theThreeBundlesHaveTheSameKeys() throws IOException {
        Properties english = bundle("");
        assertThat(bundle("_kk").stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(bundle("_ru").stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    }

    @Test
    void everyPasswordRejectionAndLockoutHasAText() throws IOException {
        for (String suffix : new String[] {"", "_kk", "_ru"}) {
            Properties bundle = bundle(suffix);
            for (PasswordRejection r : PasswordRejection.values()) {
                assertThat(bundle.getProperty(r.messageKey())).as("%s in identity%s", r.messageKey(), suffix).isNotBlank();
            }
        }
    }

    @Test
    void theSignInPageExplainsDelaysAndThrottlingAndTheNewRefusalsHaveTexts() throws IOException {
        for (String suffix : new String[] {"", "_kk", "_ru"}) {
            Properties page = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/messages" + suffix + ".properties")) {
                page.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(page.getProperty("login.throttled")).as("login.throttled in messages%s", suffix).isNotBlank();
            Properties identity = bundle(suffix);
            for (String key : new String[] {"login.delayed", "password.current.wrong", "password.current.delayed",
                    "token.error.outlives-parent", "account.failedSignIns", "users.failedSignIns"}) {
                assertThat(identity.getProperty(key)).as("%s in identity%s", key, suffix).isNotBlank();
            }
        }
    }
}
