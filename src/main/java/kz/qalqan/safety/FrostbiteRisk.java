package kz.qalqan.safety;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How soon exposed skin freezes at a wind chill (DOMAIN.md §5; Environment Canada's bands). The band is
 * chosen from the wind chill rounded to whole degrees, as the published tables print it, with halves
 * rounded away from zero (−27.5 → −28, the colder band: the safe side). So −9.5 is already LOW, −27.4
 * is still LOW and −27.5 is HIGH.
 */
public enum FrostbiteRisk {
    MINIMAL(null, "Minimal risk of frostbite"),
    LOW(null, "Low risk of frostbite; hypothermia with long exposure"),
    HIGH("10-30", "Exposed skin can freeze in 10-30 minutes"),
    VERY_HIGH("5-10", "Exposed skin can freeze in 5-10 minutes"),
    SEVERE("2-5", "Exposed skin can freeze in 2-5 minutes"),
    EXTREME("<2", "Exposed skin can freeze in under 2 minutes");

    private final String minutesToFreeze;
    private final String description;

    FrostbiteRisk(String minutesToFreeze, String description) {
        this.minutesToFreeze = minutesToFreeze;
        this.description = description;
    }

    /** "10-30", "5-10", "2-5" or "&lt;2"; {@code null} where skin is not expected to freeze. */
    public String minutesToFreeze() {
        return minutesToFreeze;
    }

    public String description() {
        return description;
    }

    public static FrostbiteRisk forWindChillC(double windChillC) {
        int rounded = BigDecimal.valueOf(windChillC).setScale(0, RoundingMode.HALF_UP).intValueExact();
        if (rounded > -10) {
            return MINIMAL;
        }
        if (rounded >= -27) {
            return LOW;
        }
        if (rounded >= -39) {
            return HIGH;
        }
        if (rounded >= -47) {
            return VERY_HIGH;
        }
        if (rounded >= -54) {
            return SEVERE;
        }
        return EXTREME;
    }
}
