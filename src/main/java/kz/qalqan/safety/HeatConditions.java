package kz.qalqan.safety;

import kz.qalqan.shared.WorkIntensity;
import java.math.BigDecimal;

/**
 * What the heat table is looked up with: the measured WBGT in °F, how hard the people work, what they
 * wear and whether they are acclimatised (more than the first 14 days of hot-season training).
 *
 * <p>The WBGT is kept as a {@link BigDecimal} so that the category boundaries (82.0, 85.0, 88.0, 90.0 °F)
 * are compared exactly: a value given as 81.9 is never read as 81.90000000000001 after an adjustment,
 * and °C converts exactly ({@code F = C × 9/5 + 32} terminates in decimal).
 */
public record HeatConditions(BigDecimal wbgtF, WorkIntensity work, boolean bodyArmour, boolean mopp4, boolean acclimatised) {

    private static final BigDecimal NINE = BigDecimal.valueOf(9);
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal THIRTY_TWO = BigDecimal.valueOf(32);

    public HeatConditions {
        if (wbgtF == null || work == null) {
            throw new IllegalArgumentException("WBGT and work intensity are required");
        }
    }

    /** Conditions for an acclimatised person in ordinary uniform. */
    public static HeatConditions fahrenheit(double wbgtF, WorkIntensity work) {
        return new HeatConditions(decimal(wbgtF), work, false, false, true);
    }

    public static HeatConditions celsius(double wbgtC, WorkIntensity work) {
        return new HeatConditions(toFahrenheit(wbgtC), work, false, false, true);
    }

    /** {@code F = C × 9/5 + 32}, exact in decimal for the decimal the caller gave. */
    public static BigDecimal toFahrenheit(double celsius) {
        return decimal(celsius).multiply(NINE).divide(FIVE).add(THIRTY_TWO);
    }

    public HeatConditions withBodyArmour(boolean value) {
        return new HeatConditions(wbgtF, work, value, mopp4, acclimatised);
    }

    public HeatConditions withMopp4(boolean value) {
        return new HeatConditions(wbgtF, work, bodyArmour, value, acclimatised);
    }

    public HeatConditions withAcclimatised(boolean value) {
        return new HeatConditions(wbgtF, work, bodyArmour, mopp4, value);
    }

    /** The decimal as written ({@code 81.9}, not the binary double's expansion). */
    private static BigDecimal decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("WBGT must be a finite number");
        }
        return BigDecimal.valueOf(value);
    }
}
