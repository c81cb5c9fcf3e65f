package kz.qalqan.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, JwtProperties.class})
class IdentityConfiguration {

    static final String ARGON2 = "argon2";

    /**
     * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane; 16-byte salt, 32-byte hash) for
     * new hashes, bcrypt still accepted. Each Argon2 hash carries its own parameters, so raising them later
     * only affects new hashes, and every stored hash names its algorithm ({@code {argon2}$argon2id$...}), so
     * the default can move on without breaking existing passwords. Not bcrypt by default: it refuses
     * passwords over 72 bytes, and the policy allows 128 characters (Kazakh and Russian letters take two
     * bytes each).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
