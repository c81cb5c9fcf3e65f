package kz.qalqan.identity.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code qalqan.identity.*}: how password guessing is throttled, and how long personal access tokens live.
 *
 * @param lockout after {@code max-failures} consecutive failed sign-ins a username is refused for
 *                {@code duration}; after {@code max-failures-per-address} failures from one client address
 *                within {@code address-window} that address is refused for {@code duration}
 * @param tokens  the lifetime of a personal access token when none is asked for, and the longest allowed
 */
@ConfigurationProperties("qalqan.identity")
@Validated
public record IdentityProperties(@Valid @DefaultValue Lockout lockout, @Valid @DefaultValue Tokens tokens) {

    public record Lockout(@DefaultValue("5") @Min(1) int maxFailures,
                          @DefaultValue("15m") @NotNull Duration duration,
                          @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
                          @DefaultValue("15m") @NotNull Duration addressWindow) {
    }

    public record Tokens(@DefaultValue("90d") @NotNull Duration defaultLifetime,
                         @DefaultValue("365d") @NotNull Duration maxLifetime) {
    }
}
