package kz.qalqan.notification.internal;

import java.time.Duration;

/** Exponential backoff: the n-th failed attempt waits {@code initial × 2^(n-1)}, never more than {@code max}. */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {

    public Duration delayAfter(int failedAttempts) {
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = initial.multipliedBy(1L << exponent);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
