package kz.qalqan.safety;

import kz.qalqan.shared.WorkIntensity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class HeatStressTests {

    /**
     * Every cell of the TB MED 507 table (DOMAIN.md §4), looked up with a WBGT inside each category:
     * WBGT °F, intensity, category, flag, work, rest (empty = no limit), quarts per hour.
     */
    @ParameterizedTest(name = "{0} °F {1} → cat {2} {3} {4}/{5} {6} qt")
    @CsvSource({
            "80, EASY,     1, WHITE,  ,   , 0.5",
            "80, MODERATE, 1, WHITE,  ,   , 0.75",
            "80, HARD,     1, WHITE,  40, 20, 0.75",
            "83, EASY,     2, GREEN,  ,   , 0.5",
            "83, MODERATE, 2, GREEN,  50, 10, 0.75",
            "83, HARD,     2, GREEN,  30, 30, 1.0",
            "86, EASY,     3, YELLOW, ,   , 0.75",
            "86, MODERATE, 3, YELLOW, 40, 20, 0.75",
            "86, HARD,     3, YELLOW, 30, 30, 1.0",
            "89, EASY,     4, RED,    ,   , 0.75",
            "89, MODERATE, 4, RED,    30, 30, 0.75",
            "89, HARD,     4, RED,    20, 40, 1.0",
            "92, EASY,     5, BLACK,  50, 10, 1.0",
            "92, MODERATE, 5, BLACK,  20, 40, 1.0",
            "92, HARD,     5, BLACK,  10, 50, 1.0",
    })
    void givesEveryCellOfTheWorkRestAndWaterTable(double wbgtF, WorkIntensity work, int category, HeatFlag flag,
                                                   Integer workMinutes, Integer restMinutes, double water) {
        HeatStress heat = HeatStress.assess(HeatConditions.fahrenheit(wbgtF, work));

        assertThat(heat.category()).isEqualTo(category);
        assertThat(heat.flag()).isEqualTo(flag);
        assertThat(heat.workMinutes()).isEqualTo(workMinutes);
        assertThat(heat.restMinutes()).isEqualTo(restMinutes);
        assertThat(heat.waterQuartsPerHour()).isEqualTo(water);
        assertThat(heat.notes()).contains(HeatStress.FLUID_LIMIT);
    }

    @ParameterizedTest(name = "{0} °F → cat {1}")
    @CsvSource({
            "77.9, 0", "78.0, 1", "81.9, 1", "81.95, 1", "82.0, 2", "84.9, 2", "85.0, 3",
            "87.9, 3", "88.0, 4", "89.9, 4", "90.0, 5", "120, 5",
    })
    void putsEachTableBoundaryInTheCategoryTheTableNames(double wbgtF, int category) {
        assertThat(HeatStress.assess(HeatConditions.fahrenheit(wbgtF, WorkIntensity.MODERATE)).category()).isEqualTo(category);
    }

    @Test
    void belowCategoryOneThereIsNoFlagNoLimitAndNoWaterFigure() {
        HeatStress heat = HeatStress.assess(HeatConditions.fahrenheit(77.9, WorkIntensity.HARD));

        assertThat(heat.category()).isZero();
        assertThat(heat.flag()).isEqualTo(HeatFlag.NONE);
        assertThat(heat.workMinutes()).isNull();
        assertThat(heat.restMinutes()).isNull();
        assertThat(heat.waterQuartsPerHour()).isNull();
    }

    @Test
    void bodyArmourAddsFiveDegrees() {
        HeatStress heat = HeatStress.assess(HeatConditions.fahrenheit(77.0, WorkIntensity.HARD).withBodyArmour(true));

        assertThat(heat.adjustedWbgtF()).isEqualByComparingTo("82.0");
        assertThat(heat.category()).isEqualTo(2);
        assertThat(heat.workMinutes()).isEqualTo(30);
        assertThat(HeatStress.assess(HeatConditions.fahrenheit(76.9, WorkIntensity.HARD).withBodyArmour(true)).category())
                .isEqualTo(1);
    }

    @Test
    void mopp4AddsTenDegreesAndWithArmourFifteen() {
        assertThat(HeatStress.assess(HeatConditions.fahrenheit(78.0, WorkIntensity.EASY).withMopp4(true)).category())
                .isEqualTo(4);
        assertThat(HeatStress.assess(HeatConditions.fahrenheit(77.9, WorkIntensity.EASY).withMopp4(true)).category())
                .isEqualTo(3);
        HeatStress both = HeatStress.assess(HeatConditions.fahrenheit(75.0, WorkIntensity.EASY).withMopp4(true).withBodyArmour(true));
        assertThat(both.adjustedWbgtF()).isEqualByComparingTo("90.0");
        assertThat(both.category()).isEqualTo(5);
        assertThat(both.notes()).contains(HeatStress.CATEGORY_5_SUSPENDS);
    }

    @Test
    void unacclimatisedPeopleCountOneCategoryHigher() {
        HeatStress heat = HeatStress.assess(HeatConditions.fahrenheit(86, WorkIntensity.MODERATE).withAcclimatised(false));

        assertThat(heat.category()).isEqualTo(4);
        assertThat(heat.flag()).isEqualTo(HeatFlag.RED);
        assertThat(heat.workMinutes()).isEqualTo(30);
        assertThat(heat.restMinutes()).isEqualTo(30);
    }

    @Test
    void unacclimatisedCategoryFiveStaysFive() {
        HeatStress heat = HeatStress.assess(HeatConditions.fahrenheit(95, WorkIntensity.HARD).withAcclimatised(false));

        assertThat(heat.category()).isEqualTo(5);
        assertThat(heat.workMinutes()).isEqualTo(10);
    }

    @Test
    void unacclimatisedBelowCategoryOneStaysNone() {
        HeatStress heat = HeatStress.assess(HeatConditions.fahrenheit(77.9, WorkIntensity.HARD).withAcclimatised(false));

        assertThat(heat.category()).isZero();
        assertThat(heat.flag()).isEqualTo(HeatFlag.NONE);
        assertThat(HeatStress.assess(HeatConditions.fahrenheit(78.0, WorkIntensity.HARD).withAcclimatised(false)).category())
                .isEqualTo(2);
    }

    @Test
    void categoryFiveCarriesTheSuspensionNoteAndLowerCategoriesDoNot() {
        assertThat(HeatStress.assess(HeatConditions.fahrenheit(90, WorkIntensity.EASY)).notes()).contains(HeatStress.CATEGORY_5_SUSPENDS);
        assertThat(HeatStress.assess(HeatConditions.fahrenheit(89.9, WorkIntensity.EASY)).notes())
                .doesNotContain(HeatStress.CATEGORY_5_SUSPENDS);
    }

    @ParameterizedTest(name = "{0} °C = {1} °F")
    @CsvSource({"0, 32", "100, 212", "-40, -40", "30, 86", "31, 87.8", "27.5, 81.5", "25.5, 77.9"})
    void convertsCelsiusExactly(double celsius, String fahrenheit) {
        assertThat(HeatConditions.toFahrenheit(celsius)).isEqualByComparingTo(new BigDecimal(fahrenheit));
    }

    @Test
    void looksUpCelsiusInputOnTheConvertedValue() {
        // 25.5 °C = 77.9 °F (none), 25.6 °C = 78.08 °F (category 1), 32.2 °C = 89.96 °F (4), 32.3 °C = 90.14 °F (5)
        assertThat(HeatStress.assess(HeatConditions.celsius(25.5, WorkIntensity.EASY)).category()).isZero();
        assertThat(HeatStress.assess(HeatConditions.celsius(25.6, WorkIntensity.EASY)).category()).isEqualTo(1);
        assertThat(HeatStress.assess(HeatConditions.celsius(32.2, WorkIntensity.EASY)).category()).isEqualTo(4);
        assertThat(HeatStress.assess(HeatConditions.celsius(32.3, WorkIntensity.EASY)).category()).isEqualTo(5);
    }
}
