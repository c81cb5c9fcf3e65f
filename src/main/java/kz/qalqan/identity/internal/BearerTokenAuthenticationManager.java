package kz.qalqan.identity.internal;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code Authorization: Bearer} on the API. Tokens starting with {@code qlq_} are personal access tokens
 * (looked up by their SHA-256; neither expired nor revoked; owner active); anything else is a JWT from the
 * external identity provider when one is configured, whose username claim must name an active Qalqan
 * user. Every failure counts against the client address in the {@link LoginGuard}.
 */
class BearerTokenAuthenticationManager implements AuthenticationManager {

    /** last_used_at is a hint for the owner, not an audit trail: one write a minute per token is plenty. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final AccessTokenRepository tokens;
    private final DatabaseUserDetailsService users;
    private final LoginGuard guard;
    private final Clock clock;
    private final JwtDecoder jwtDecoder;
    private final String usernameClaim;

    BearerTokenAuthenticationManager(AccessTokenRepository tokens, DatabaseUserDetailsService users, LoginGuard guard,
                                     Clock clock, JwtDecoder jwtDecoder, String usernameClaim) {
        this.tokens = tokens;
        this.users = users;
        this.guard = guard;
        this.clock = clock;
        this.jwtDecoder = jwtDecoder;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String address = LoginGuard.address(request);
        guard.check(null, address);
        String token = ((BearerTokenAuthenticationToken) request).getToken();
        try {
            QalqanAuthentication result = AccessTokenSecrets.looksLikeOne(token) ? accessToken(token) : jwt(token);
            result.setDetails(request.getDetails());
            return result;
        } catch (AuthenticationServiceException e) {
            throw e; // the database or the identity provider failed, not the caller
        } catch (AuthenticationException e) {
            guard.failed(null, address);
            throw e;
        }
    }

    private QalqanAuthentication accessToken(String secret) {
        Instant now = clock.instant();
        AccessTokenRepository.Usable usable = tokens.usable(AccessTokenSecrets.hash(secret), now)
                .orElseThrow(() -> new InvalidBearerTokenException("The access token is unknown, expired or revoked"));
        if (usable.lastUsedAt() == null || usable.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
            tokens.touch(usable.tokenId(), now);
        }
        return new QalqanAuthentication(user(usable.username()), QalqanAuthentication.Method.ACCESS_TOKEN, usable.tokenId());
    }

    private QalqanAuthentication jwt(String token) {
        if (jwtDecoder == null) {
            throw new InvalidBearerTokenException("Only Qalqan access tokens (qlq_...) are accepted here");
        }
        Jwt jwt;
        try {
            jwt = jwtDecoder.decode(token);
        } catch (BadJwtException e) {
            throw new InvalidBearerTokenException("The JWT is not valid: " + e.getMessage(), e);
        } catch (JwtException e) {
            throw new AuthenticationServiceException("The JWT could not be checked: " + e.getMessage(), e);
        }
        String username = jwt.getClaimAsString(usernameClaim);
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("The JWT has no " + usernameClaim + " claim");
        }
        return new QalqanAuthentication(user(username), QalqanAuthentication.Method.JWT);
    }

    private QalqanUser user(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new InvalidBearerTokenException("The token does not belong to an active Qalqan user");
        }
    }
}
