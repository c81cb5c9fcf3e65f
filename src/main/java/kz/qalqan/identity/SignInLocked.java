package kz.qalqan.identity;

import java.time.Instant;

/**
 * Sign-in is refused until {@code until} after repeated failures from a client address ({@code kind} ADDRESS,
 * {@code subject} the address). Accounts are never locked: their guessing is slowed by growing delays instead.
 */
public record SignInLocked(String kind, String subject, Instant until) {
}
