package kz.qalqan.safety;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A weather reading of an activity with what the rules made of it: the heat category with work/rest and
 * water for the activity's work intensity (TB MED 507, DOMAIN.md §4) and the wind chill with its frostbite
 * band (§5). {@code assessment} says what the reading did to the activity's risk assessment.
 */
public record ActivityWeather(long id, long activityId, LocalDate day, String source, BigDecimal wbgtF,
                              boolean wbgtEstimated, Double airTempC, Double humidityPct, Double windKmh,
                              boolean bodyArmour, boolean mopp4, boolean acclimatised, HeatStress heat,
                              Double windChillC, FrostbiteRisk frostbite, String recordedBy, Instant recordedAt,
                              AssessmentEffect assessment) {

    /** The WBGT in °C (one decimal), shown first beside the doctrine's °F; null when no heat was given. */
    public BigDecimal wbgtC() {
        return celsius(wbgtF);
    }

    static BigDecimal celsius(BigDecimal fahrenheit) {
        return fahrenheit == null ? null : fahrenheit.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(9), 1, RoundingMode.HALF_UP);
    }

    /**
     * @param assessmentId    the activity's assessment, null when it has none yet
     * @param overallBefore   its overall residual risk before the reading
     * @param overallAfter    and after it
     * @param backForApproval the reading raised the risk above the approved level, so it awaits approval again
     */
    public record AssessmentEffect(Long assessmentId, RiskLevel overallBefore, RiskLevel overallAfter,
                                   boolean backForApproval, AssessmentStatus status) {
    }
}
