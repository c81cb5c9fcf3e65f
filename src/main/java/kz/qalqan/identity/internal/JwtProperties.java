package kz.qalqan.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code qalqan.security.jwt.*}: accept JWTs from an external identity provider (Keycloak, ...) as
 * {@code Authorization: Bearer} on the API. Off unless {@code jwk-set-uri} or {@code public-key-location}
 * is set (Boot's {@code spring.security.oauth2.resourceserver.jwt.*} works too). The claim named by
 * {@code username-claim} must name an existing, active Qalqan user, whose grants then apply.
 *
 * @param jwkSetUri         the provider's JWK set, e.g. {@code https://kc/realms/qalqan/protocol/openid-connect/certs}
 * @param publicKeyLocation a PEM file with the provider's RSA public key, instead of a JWK set
 * @param issuer            when set, the {@code iss} claim must equal it
 * @param audience          when set, the {@code aud} claim must contain it
 * @param usernameClaim     the claim holding the Qalqan username
 */
@ConfigurationProperties("qalqan.security.jwt")
public record JwtProperties(String jwkSetUri, Resource publicKeyLocation, String issuer, String audience,
                            @DefaultValue("preferred_username") String usernameClaim) {
}
