package kz.qalqan.identity.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder built from {@code qalqan.security.jwt.public-key-location}, with a key made for this test only. */
class IdentityJwtDecoderTests {

    @TempDir
    Path dir;

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private Path pem(KeyPair key) throws IOException {
        Path file = dir.resolve("idp-public.pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return file;
    }

    private static String token(KeyPair key, Consumer<JwtClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer("https://kc.example/realms/qalqan")
                .audience(List.of("qalqan")).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)))
                .claim("preferred_username", "dana");
        claims.accept(builder);
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build())).getTokenValue();
    }

    private JwtDecoder decoder(KeyPair key, String issuer, String audience) throws IOException {
        return JwtDecoderConfiguration.decoder(new JwtProperties(null, new FileSystemResource(pem(key)), issuer, audience,
                "preferred_username"));
    }

    @Test
    void decodesTokensSignedWithTheConfiguredPublicKey() throws Exception {
        KeyPair key = keyPair();
        Jwt jwt = decoder(key, null, null).decode(token(key, c -> { }));
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("dana");
    }

    @Test
    void refusesTokensSignedWithAnotherKey() throws Exception {
        JwtDecoder decoder = decoder(keyPair(), null, null);
        String foreign = token(keyPair(), c -> { });
        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void checksIssuerAndAudienceWhenConfigured() throws Exception {
        KeyPair key = keyPair();
        JwtDecoder decoder = decoder(key, "https://kc.example/realms/qalqan", "qalqan");

        assertThat(decoder.decode(token(key, c -> { })).getSubject()).isNull();
        assertThatThrownBy(() -> decoder.decode(token(key, c -> c.issuer("https://evil.example/realms/qalqan"))))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(token(key, c -> c.audience(List.of("account")))))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesExpiredTokens() throws Exception {
        KeyPair key = keyPair();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = token(key, c -> c.issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(5))));
        assertThatThrownBy(() -> decoder(key, null, null).decode(expired)).isInstanceOf(BadJwtException.class);
    }
}
