package kz.qalqan.emergency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The fatigue limits of DOMAIN.md §10 (configurable): a shift lasts at most {@code maxShift}, shifts are at least
 * {@code minRest} apart, and nobody works more than {@code maxWeek} in any 7 days. Shift planning enforces them;
 * force selection leaves out members who have not rested.
 */
@ConfigurationProperties("qalqan.emergency.fatigue")
public record FatigueRules(@DefaultValue("12h") Duration maxShift, @DefaultValue("10h") Duration minRest,
                           @DefaultValue("60h") Duration maxWeek) {
}
