package kz.qalqan.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityPropertiesTests {

    private static IdentityProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("qalqan.identity", Bindable.of(IdentityProperties.class));
    }

    @Test
    void defaultsAreGrowingDelaysTwentyPerAddressTwelveHourSessionsAndNinetyDayTokens() {
        IdentityProperties p = bind(Map.of());
        assertThat(p.lockout().freeFailures()).isEqualTo(3);
        assertThat(p.lockout().firstDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.lockout().maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.lockout().noticeAfter()).isEqualTo(5);
        assertThat(p.lockout().duration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.lockout().maxFailuresPerAddress()).isEqualTo(20);
        assertThat(p.lockout().addressWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.sessions().absoluteLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(p.tokens().defaultLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(p.tokens().maxLifetime()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void theDelayIsFreeAtFirstThenDoublesUpToTheCapAndNeverBecomesALockOut() {
        IdentityProperties.Lockout lockout = bind(Map.of()).lockout();
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(lockout::delayAfter).map(Duration::toSeconds).toList())
                .containsExactly(0L, 0L, 0L, 2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(lockout.delayAfter(1_000_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bindsTheConfiguredValues() {
        IdentityProperties p = bind(Map.of("qalqan.identity.lockout.free-failures", "1",
                "qalqan.identity.lockout.max-delay", "1m", "qalqan.identity.lockout.duration", "1h",
                "qalqan.identity.sessions.absolute-lifetime", "8h", "qalqan.identity.tokens.max-lifetime", "30d"));
        assertThat(p.lockout().freeFailures()).isEqualTo(1);
        assertThat(p.lockout().maxDelay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.lockout().duration()).isEqualTo(Duration.ofHours(1));
        assertThat(p.lockout().maxFailuresPerAddress()).isEqualTo(20);
        assertThat(p.sessions().absoluteLifetime()).isEqualTo(Duration.ofHours(8));
        assertThat(p.tokens().maxLifetime()).isEqualTo(Duration.ofDays(30));
    }
}
