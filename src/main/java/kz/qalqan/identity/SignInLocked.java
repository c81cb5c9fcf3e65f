package kz.qalqan.identity;

import java.time.Instant;

/**
 * Sign-in was refused until {@code until} after repeated failures: for a username ({@code kind}
 * USERNAME, whether or not such an account exists) or for a client address (ADDRESS).
 */
public record SignInLocked(String kind, String subject, Instant until) {
}
