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

    static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    /**
     * Argon2id (16 MiB, 2 passes, as Spring Security recommends) for new hashes, bcrypt still accepted.
     * Every stored hash names its algorithm ({@code {argon2@...}...}), so the default can move on without
     * breaking existing passwords. Not bcrypt by default: it ignores everything after 72 bytes, and the
     * policy allows 128 characters (Cyrillic or Kazakh letters take two bytes each).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
