package kz.qalqan.identity;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One extra application context (and so one extra embedded database) for the sign-in tests: a clock the
 * tests can move, a JWT decoder trusting an RSA key generated for this test run (never stored anywhere),
 * and two small endpoints standing in for pages the web module will render — a CSRF token the sign-in
 * page would carry, and a page that says who is signed in. Every class importing this shares the context.
 */
@TestConfiguration(proxyBeanMethods = false)
class IdentitySecurityTestConfiguration {

    static final KeyPair IDENTITY_PROVIDER_KEY = rsaKeyPair();
    static final KeyPair FOREIGN_KEY = rsaKeyPair();

    @Bean
    @Primary
    MovableClock testClock() {
        return new MovableClock();
    }

    @Bean
    JwtDecoder testIdentityProviderJwtDecoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) IDENTITY_PROVIDER_KEY.getPublic()).build();
    }

    /**
     * What the sign-in page puts in its form ({@code /login} is public; the parameter keeps this apart from
     * the page itself), and a page that says who is signed in. Functional routes, so that component
     * scanning cannot pick them up in other tests' contexts.
     */
    @Bean
    RouterFunction<ServerResponse> probes() {
        return RouterFunctions.route()
                .GET("/login", RequestPredicates.param("csrf-probe", v -> true), request -> {
                    CsrfToken token = (CsrfToken) request.attribute(CsrfToken.class.getName()).orElseThrow();
                    return ServerResponse.ok().body(Map.of("parameterName", token.getParameterName(), "token", token.getToken()));
                })
                .GET("/probe/whoami", request -> ServerResponse.ok()
                        .body(Map.of("username", request.principal().map(p -> p.getName()).orElse(""))))
                .build();
    }

    /** A JWT signed with {@code key}, issued now (real time: the decoder checks expiry against the real clock). */
    static String jwt(KeyPair key, Consumer<JwtClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer("https://idp.test/realms/qalqan").subject("subject-1")
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)));
        claims.accept(builder);
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), builder.build()))
                .getTokenValue();
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Real time plus an offset that tests push forward. */
    static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
