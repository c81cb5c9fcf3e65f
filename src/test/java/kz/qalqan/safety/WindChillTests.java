package kz.qalqan.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WindChillTests {

    /**
     * Cells of the published Environment Canada "Wind Chill Calculation Chart" (MSC, T air in °C, V at 10 m
     * in km/h, values rounded to whole degrees), as archived at
     * bac-lac.wayback.archive-it.org/web/20060208013847/http:/www.msc.ec.gc.ca/education/windchill/windchill_chart_e.cfm
     */
    @ParameterizedTest(name = "T={0} °C, V={1} km/h → {2}")
    @CsvSource({
            "5, 5, 4", "0, 10, -3", "-5, 15, -11", "-10, 20, -18", "-15, 35, -27", "-20, 30, -33", "-20, 5, -24",
            "-10, 60, -23", "-25, 20, -37", "-30, 50, -49", "-35, 60, -57", "-40, 40, -61", "-45, 80, -74", "-50, 10, -63",
            "-5, 80, -17",
    })
    void matchesThePublishedEnvironmentCanadaTable(double tempC, double windKmh, int published) {
        assertThat(WindChill.windChillC(tempC, windKmh)).isCloseTo(published, within(1.0));
        assertThat(Math.round(WindChill.windChillC(tempC, windKmh))).isEqualTo(published);
    }

    /** Cells of the published NWS wind chill chart (2001), °F and mph. */
    @ParameterizedTest(name = "T={0} °F, V={1} mph → {2}")
    @CsvSource({"40, 5, 36", "30, 10, 21", "5, 25, -17", "0, 15, -19", "-10, 20, -35"})
    void matchesThePublishedNwsChart(double tempF, double windMph, int published) {
        assertThat(WindChill.windChillF(tempF, windMph)).isCloseTo(published, within(1.0));
    }

    @Test
    void isTheAirTemperatureWhenWarmOrNearlyCalm() {
        assertThat(WindChill.windChillC(10.1, 30)).isEqualTo(10.1);
        assertThat(WindChill.windChillC(-20, 4.7)).isEqualTo(-20);
        assertThat(WindChill.windChillC(-20, 0)).isEqualTo(-20);
        assertThat(WindChill.windChillC(10, 30)).isLessThan(10);
        assertThat(WindChill.windChillC(-20, 4.8)).isLessThan(-20);
        assertThat(WindChill.windChillF(50.1, 20)).isEqualTo(50.1);
        assertThat(WindChill.windChillF(0, 2.9)).isEqualTo(0);
        assertThat(WindChill.windChillF(0, 3)).isLessThan(0);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0, MINIMAL", "-9, MINIMAL", "-9.4, MINIMAL", "-9.5, LOW", "-10, LOW",
            "-27, LOW", "-27.4, LOW", "-27.5, HIGH", "-28, HIGH",
            "-39, HIGH", "-39.4, HIGH", "-39.5, VERY_HIGH", "-40, VERY_HIGH",
            "-47, VERY_HIGH", "-48, SEVERE", "-54, SEVERE", "-54.4, SEVERE", "-54.5, EXTREME", "-55, EXTREME", "-80, EXTREME",
    })
    void placesEachBandEdgeOnTheWindChillRoundedToWholeDegrees(double windChillC, FrostbiteRisk band) {
        assertThat(FrostbiteRisk.forWindChillC(windChillC)).isEqualTo(band);
    }

    @Test
    void givesTheMinutesToFreezeOnlyWhereSkinFreezes() {
        assertThat(FrostbiteRisk.MINIMAL.minutesToFreeze()).isNull();
        assertThat(FrostbiteRisk.LOW.minutesToFreeze()).isNull();
        assertThat(FrostbiteRisk.HIGH.minutesToFreeze()).isEqualTo("10-30");
        assertThat(FrostbiteRisk.VERY_HIGH.minutesToFreeze()).isEqualTo("5-10");
        assertThat(FrostbiteRisk.SEVERE.minutesToFreeze()).isEqualTo("2-5");
        assertThat(FrostbiteRisk.EXTREME.minutesToFreeze()).isEqualTo("<2");
    }
}
