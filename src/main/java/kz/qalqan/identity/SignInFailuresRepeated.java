package kz.qalqan.identity;

import java.time.Instant;

/**
 * Someone keeps failing to sign in to an existing account (or to confirm its current password): {@code failures}
 * attempts since {@code since}, the last at {@code lastAt}. Published on reaching the notice threshold and at
 * each doubling after it; the owner and the administrators see the same on their pages.
 */
public record SignInFailuresRepeated(String username, int failures, Instant since, Instant lastAt) {
}
