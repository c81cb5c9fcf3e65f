package kz.qalqan.readiness;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DOMAIN.md §9 thresholds cell by cell, the worst-of rule and the override rule. */
class ReadinessLevelsTests {

    @ParameterizedTest(name = "{0} at {1}% is level {2}")
    @CsvSource({
            // P1 >= 90, P2 >= 80, P3 >= 70, else P4
            "P, 100, 1", "P, 90, 1", "P, 89.99, 2", "P, 80, 2", "P, 79.99, 3", "P, 70, 3", "P, 69.99, 4", "P, 0, 4",
            // T1 >= 85, T2 >= 70, T3 >= 55
            "T, 100, 1", "T, 85, 1", "T, 84.99, 2", "T, 70, 2", "T, 69.99, 3", "T, 55, 3", "T, 54.99, 4", "T, 0, 4",
            // S1 >= 90, S2 >= 80, S3 >= 65
            "S, 100, 1", "S, 90, 1", "S, 89.99, 2", "S, 80, 2", "S, 79.99, 3", "S, 65, 3", "S, 64.99, 4", "S, 0, 4",
            // R1 >= 90, R2 >= 70, R3 >= 60
            "R, 100, 1", "R, 90, 1", "R, 89.99, 2", "R, 70, 2", "R, 69.99, 3", "R, 60, 3", "R, 59.99, 4", "R, 0, 4",
    })
    void percentageGivesThePublishedLevel(Dimension dimension, BigDecimal percent, int level) {
        assertThat(ReadinessLevels.level(dimension, percent)).isEqualTo(level);
        // the same cell from counts, exactly (no floating point): percent out of 100.00 as hundredths
        long numerator = percent.movePointRight(2).longValueExact();
        assertThat(ReadinessLevels.level(dimension, numerator, 10_000)).isEqualTo(level);
    }

    @Test
    void countsAtTheBoundaryAreExact() {
        assertThat(ReadinessLevels.level(Dimension.P, 9, 10)).isEqualTo(1);
        assertThat(ReadinessLevels.level(Dimension.P, 35, 40)).isEqualTo(2);   // 87.5 %
        assertThat(ReadinessLevels.level(Dimension.P, 28, 40)).isEqualTo(3);   // 70 %
        assertThat(ReadinessLevels.level(Dimension.P, 27, 40)).isEqualTo(4);   // 67.5 %
        assertThat(ReadinessLevels.level(Dimension.T, 17, 20)).isEqualTo(1);   // 85 %
        assertThat(ReadinessLevels.level(Dimension.R, 2, 3)).isEqualTo(3);     // 66.67 %
        assertThat(ReadinessLevels.level(Dimension.S, 0, 0)).isNull();         // nothing to measure
        // large counts do not overflow
        assertThat(ReadinessLevels.level(Dimension.P, 899_999_999_999L, 1_000_000_000_000L)).isEqualTo(2);
    }

    @Test
    void overallLevelIsTheWorstMeasuredOfTheFour() {
        for (int p = 1; p <= 4; p++) {
            for (int t = 1; t <= 4; t++) {
                for (int s = 1; s <= 4; s++) {
                    for (int r = 1; r <= 4; r++) {
                        assertThat(ReadinessLevels.worst(p, t, s, r)).as("P%d T%d S%d R%d", p, t, s, r)
                                .isEqualTo(Math.max(Math.max(p, t), Math.max(s, r)));
                    }
                }
            }
        }
        assertThat(ReadinessLevels.worst(2, null, null, 3)).isEqualTo(3);
        assertThat(ReadinessLevels.worst(null, null, null, null)).isNull();
    }

    @Test
    void neededForIsTheFewestItemsThatReachTheNextLevel() {
        // P3 with 28 of 40 ready: P2 needs 32 (80 %), P1 needs 36 (90 %)
        assertThat(ReadinessLevels.neededFor(Dimension.P, 2, 28, 40)).isEqualTo(4);
        assertThat(ReadinessLevels.neededFor(Dimension.P, 1, 28, 40)).isEqualTo(8);
        // 85 % of 7 is 5.95: six are needed
        assertThat(ReadinessLevels.neededFor(Dimension.T, 1, 5, 7)).isEqualTo(1);
        assertThat(ReadinessLevels.level(Dimension.T, 6, 7)).isEqualTo(1);
        assertThat(ReadinessLevels.level(Dimension.T, 5, 7)).isEqualTo(2);
        assertThat(ReadinessLevels.neededFor(Dimension.S, 1, 10, 10)).isZero();
    }

    @Test
    void overrideMayLowerButNeverRaise() {
        assertThatCode(() -> ReadinessLevels.checkOverride(2, 2, "as computed")).doesNotThrowAnyException();
        assertThatCode(() -> ReadinessLevels.checkOverride(2, 3, "radios away")).doesNotThrowAnyException();
        assertThatCode(() -> ReadinessLevels.checkOverride(1, 4, "exercise")).doesNotThrowAnyException();
        assertThat(problem(() -> ReadinessLevels.checkOverride(3, 2, "looks fine"))).extracting(FieldProblem::field)
                .isEqualTo("level");
        assertThat(problem(() -> ReadinessLevels.checkOverride(2, 1, "looks fine")))
                .isEqualTo(FieldProblem.of("level", "readiness.error.raise", "C2", "C1"));
        assertThat(problem(() -> ReadinessLevels.checkOverride(2, 5, "x")).field()).isEqualTo("level");
        assertThat(problem(() -> ReadinessLevels.checkOverride(2, null, "x")).field()).isEqualTo("level");
        // with nothing measured only C4 may be declared
        assertThatCode(() -> ReadinessLevels.checkOverride(null, 4, "no data yet")).doesNotThrowAnyException();
        assertThat(problem(() -> ReadinessLevels.checkOverride(null, 3, "no data yet")).field()).isEqualTo("level");
    }

    @Test
    void overrideNeedsAReason() {
        assertThat(problem(() -> ReadinessLevels.checkOverride(2, 3, null)).field()).isEqualTo("reason");
        assertThat(problem(() -> ReadinessLevels.checkOverride(2, 3, "   ")).field()).isEqualTo("reason");
        assertThat(problem(() -> ReadinessLevels.checkOverride(2, 3, "x".repeat(1001))).field()).isEqualTo("reason");
    }

    private static FieldProblem problem(Runnable call) {
        try {
            call.run();
        } catch (InvalidInputException e) {
            assertThat(e.problems()).hasSize(1);
            return e.problems().get(0);
        }
        throw new AssertionError("expected the override to be refused");
    }

    @Test
    void measureRoundsThePercentButLevelsFromExactCounts() {
        Measure m = Measure.of(Dimension.P, 8999, 10_000);
        assertThat(m.percent()).isEqualTo(89.99);
        assertThat(m.level()).isEqualTo(2);
        Measure almost = Measure.of(Dimension.P, 899_999, 1_000_000); // shows 90.0 but is below 90 %
        assertThat(almost.percent()).isEqualTo(90.0);
        assertThat(almost.level()).isEqualTo(2);
        assertThatThrownBy(() -> Dimension.P.threshold(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
