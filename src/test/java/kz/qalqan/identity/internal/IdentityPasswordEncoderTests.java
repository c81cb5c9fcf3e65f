package kz.qalqan.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityPasswordEncoderTests {

    private final PasswordEncoder encoder = new IdentityConfiguration().passwordEncoder();

    @Test
    void hashesWithArgon2idAndOwaspParameters() {
        String hash = encoder.encode("steppe wind over Turkistan 1961");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("steppe wind over Turkistan 1961", hash)).isTrue();
        assertThat(encoder.matches("steppe wind over Turkistan 1962", hash)).isFalse();
    }

    @Test
    void usesEveryCharacterOfTheLongestAllowedPassword() {
        // 128 Kazakh letters are 256 bytes: bcrypt would refuse them
        String longest = "қ".repeat(127) + "а";
        String hash = encoder.encode(longest);
        assertThat(encoder.matches(longest, hash)).isTrue();
        assertThat(encoder.matches("қ".repeat(127) + "ә", hash)).isFalse();
    }

    @Test
    void stillAcceptsBcryptHashes() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("an older stored password");
        assertThat(encoder.matches("an older stored password", hash)).isTrue();
    }
}
