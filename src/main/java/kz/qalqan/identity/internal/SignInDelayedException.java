package kz.qalqan.identity.internal;

import org.springframework.security.core.AuthenticationException;

import java.time.Instant;

/**
 * Sign-in refused without checking the password because the username's last failures ask for a short wait.
 * Raised the same way for usernames that do not exist, so it tells nothing about who has an account.
 */
class SignInDelayedException extends AuthenticationException {

    private final Instant until;

    SignInDelayedException(Instant until) {
        super("Too many failed sign-ins for this username; wait before the next attempt");
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
