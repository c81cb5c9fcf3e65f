package kz.qalqan.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The JWT decoder for an external identity provider, built from {@code qalqan.security.jwt.*} when
 * {@code jwk-set-uri} or {@code public-key-location} is set. Without either, and without Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*}, there is no decoder and only Qalqan's own access
 * tokens are accepted as bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @Conditional(QalqanJwtConfigured.class)
    JwtDecoder qalqanJwtDecoder(JwtProperties properties) {
        return decoder(properties);
    }

    static JwtDecoder decoder(JwtProperties properties) {
        NimbusJwtDecoder decoder = StringUtils.hasText(properties.jwkSetUri())
                ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation())).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(StringUtils.hasText(properties.issuer())
                ? JwtValidators.createDefaultWithIssuer(properties.issuer()) : JwtValidators.createDefault());
        if (StringUtils.hasText(properties.audience())) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.contains(properties.audience())));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static RSAPublicKey publicKey(Resource location) {
        if (location == null || !location.exists()) {
            throw new IllegalStateException("qalqan.security.jwt.public-key-location does not exist: " + location);
        }
        try (InputStream in = location.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read qalqan.security.jwt.public-key-location " + location, e);
        }
    }

    static final class QalqanJwtConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("qalqan.security.jwt.jwk-set-uri"))
                    || StringUtils.hasText(context.getEnvironment().getProperty("qalqan.security.jwt.public-key-location"));
        }
    }
}
