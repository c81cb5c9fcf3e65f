package kz.qalqan.identity.internal;

import org.springframework.security.core.AuthenticationException;

import java.time.Instant;

/** Sign-in refused because the client address had too many failed attempts recently. */
class SignInThrottledException extends AuthenticationException {

    private final Instant until;

    SignInThrottledException(Instant until) {
        super("Too many failed sign-ins from this address; try again later");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
