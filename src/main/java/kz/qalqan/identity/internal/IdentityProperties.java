package kz.qalqan.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code qalqan.identity.*}: how password guessing is slowed down, how long a browser session may last, and how
 * long personal access tokens live.
 *
 * @param lockout  after {@code free-failures} consecutive failed sign-ins for a username, its next attempt is
 *                 not evaluated before a delay that starts at {@code first-delay} and doubles with each further
 *                 failure up to {@code max-delay} (never a lock-out); from {@code notice-after} failures on, the
 *                 owner and the administrators are told. After {@code max-failures-per-address} failures from
 *                 one client address within {@code address-window} that address is refused for {@code duration}
 * @param sessions a browser session ends {@code absolute-lifetime} after sign-in, however active (the idle
 *                 timeout is {@code server.servlet.session.timeout})
 * @param tokens   the lifetime of a personal access token when none is asked for, and the longest allowed
 */
@ConfigurationProperties("qalqan.identity")
@Validated
public record IdentityProperties(@Valid @DefaultValue Lockout lockout, @Valid @DefaultValue Sessions sessions,
                                 @Valid @DefaultValue Tokens tokens) {

    public record Lockout(@DefaultValue("3") @Min(0) int freeFailures,
                          @DefaultValue("2s") @NotNull Duration firstDelay,
                          @DefaultValue("30s") @NotNull Duration maxDelay,
                          @DefaultValue("5") @Min(1) int noticeAfter,
                          @DefaultValue("15m") @NotNull Duration duration,
                          @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
                          @DefaultValue("15m") @NotNull Duration addressWindow) {

        /** How long the next attempt waits after the {@code failures}-th consecutive failure. */
        public Duration delayAfter(int failures) {
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    public record Sessions(@DefaultValue("12h") @NotNull Duration absoluteLifetime) {
    }

    public record Tokens(@DefaultValue("90d") @NotNull Duration defaultLifetime,
                         @DefaultValue("365d") @NotNull Duration maxLifetime) {
    }
}
