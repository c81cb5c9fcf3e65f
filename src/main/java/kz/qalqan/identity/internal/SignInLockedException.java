package kz.qalqan.identity.internal;

import org.springframework.security.core.AuthenticationException;

import java.time.Instant;

/**
 * Sign-in refused without checking the password because the username had too many consecutive failures.
 * Raised the same way for usernames that do not exist, so it tells nothing about who has an account.
 */
class SignInLockedException extends AuthenticationException {

    private final Instant until;

    SignInLockedException(Instant until) {
        super("Too many failed sign-ins for this username; it is temporarily locked");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
