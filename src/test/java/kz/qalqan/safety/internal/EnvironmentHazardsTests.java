package kz.qalqan.safety.internal;

import kz.qalqan.safety.FrostbiteRisk;
import kz.qalqan.safety.HeatConditions;
import kz.qalqan.safety.HeatStress;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.shared.WorkIntensity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnvironmentHazardsTests {

    @ParameterizedTest(name = "WBGT {0} °F → category {1}: initial {2}, residual {3}")
    @CsvSource({"77.9,0,,", "78.0,1,M,L", "82.0,2,H,L", "85.0,3,H,M", "88.0,4,H,H", "90.0,5,EH,EH"})
    void heatCategoriesBecomeHazardsThatControlsBringDownLessTheHotterItIs(double wbgtF, int category, String initial,
                                                                          String residual) {
        HeatStress heat = HeatStress.assess(HeatConditions.fahrenheit(wbgtF, WorkIntensity.MODERATE));
        assertThat(heat.category()).isEqualTo(category);
        var hazard = EnvironmentHazards.heat(heat);
        assertThat(hazard.isPresent()).isEqualTo(initial != null);
        hazard.ifPresent(h -> {
            assertThat(h.code()).isEqualTo(EnvironmentHazards.HEAT);
            assertThat(h.initialRisk()).isEqualTo(RiskLevel.valueOf(initial));
            assertThat(h.residualRisk()).isEqualTo(RiskLevel.valueOf(residual));
        });
    }

    @ParameterizedTest(name = "{0}: initial {1}, residual {2}")
    @CsvSource({"MINIMAL,,", "LOW,M,L", "HIGH,H,M", "VERY_HIGH,H,H", "SEVERE,EH,H", "EXTREME,EH,EH"})
    void frostbiteBandsBecomeColdHazards(FrostbiteRisk band, String initial, String residual) {
        var hazard = EnvironmentHazards.cold(band);
        assertThat(hazard.isPresent()).isEqualTo(initial != null);
        hazard.ifPresent(h -> {
            assertThat(h.code()).isEqualTo(EnvironmentHazards.COLD);
            assertThat(h.initialRisk()).isEqualTo(RiskLevel.valueOf(initial));
            assertThat(h.residualRisk()).isEqualTo(RiskLevel.valueOf(residual));
        });
    }

    @Test
    void noWeatherNoHazards() {
        assertThat(EnvironmentHazards.of(null, null)).isEmpty();
    }

    @Test
    void estimatedWbgtFollowsTheBureauOfMeteorologyApproximation() {
        // e = 0.5 · 6.105 · exp(17.27·25 / 262.7) = 15.79 hPa; WBGT = 0.567·25 + 0.393·15.79 + 3.94 = 24.32 °C
        assertThat(EnvironmentHazards.estimatedWbgtC(25, 50)).isCloseTo(24.32, within(0.01));
        // dry air is cooler than humid air at the same temperature
        assertThat(EnvironmentHazards.estimatedWbgtC(35, 10)).isLessThan(EnvironmentHazards.estimatedWbgtC(35, 60));
    }
}
