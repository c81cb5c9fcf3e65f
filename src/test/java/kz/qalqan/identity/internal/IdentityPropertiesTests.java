package kz.qalqan.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityPropertiesTests {

    private static IdentityProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("qalqan.identity", Bindable.of(IdentityProperties.class));
    }

    @Test
    void defaultsAreFiveFailuresFifteenMinutesTwentyPerAddressAndNinetyDayTokens() {
        IdentityProperties p = bind(Map.of());
        assertThat(p.lockout().maxFailures()).isEqualTo(5);
        assertThat(p.lockout().duration()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.lockout().maxFailuresPerAddress()).isEqualTo(20);
        assertThat(p.lockout().addressWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(p.tokens().defaultLifetime()).isEqualTo(Duration.ofDays(90));
        assertThat(p.tokens().maxLifetime()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void bindsTheConfiguredValues() {
        IdentityProperties p = bind(Map.of("qalqan.identity.lockout.max-failures", "3",
                "qalqan.identity.lockout.duration", "1h", "qalqan.identity.tokens.max-lifetime", "30d"));
        assertThat(p.lockout().maxFailures()).isEqualTo(3);
        assertThat(p.lockout().duration()).isEqualTo(Duration.ofHours(1));
        assertThat(p.lockout().maxFailuresPerAddress()).isEqualTo(20);
        assertThat(p.tokens().maxLifetime()).isEqualTo(Duration.ofDays(30));
    }
}
