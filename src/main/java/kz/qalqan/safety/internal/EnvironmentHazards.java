package kz.qalqan.safety.internal;

import kz.qalqan.safety.FrostbiteRisk;
import kz.qalqan.safety.HeatStress;
import kz.qalqan.safety.Probability;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.safety.RiskMatrix;
import kz.qalqan.safety.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which weather hazards an activity carries and how risky they are before and after the standard controls
 * (work/rest and water for heat; covered skin, warming and limited exposure for cold). Our mapping, on the
 * safe side: the hotter the category or the faster skin freezes, the less the controls can bring it down —
 * heat category 5 stays EXTREMELY HIGH, as TB MED 507 suspends strenuous training there unless approved as EH.
 */
public final class EnvironmentHazards {

    public static final String HEAT = "ENV-HEAT";
    public static final String COLD = "ENV-COLD";
    public static final Set<String> CODES = Set.of(HEAT, COLD);

    /** One weather hazard with its initial and residual probability and severity. */
    public record Hazard(String code, Probability probability, Severity severity, Probability residualProbability,
                         Severity residualSeverity) {

        public RiskLevel initialRisk() {
            return RiskMatrix.level(probability, severity);
        }

        public RiskLevel residualRisk() {
            return RiskMatrix.level(residualProbability, residualSeverity);
        }
    }

    private EnvironmentHazards() {
    }

    public static List<Hazard> of(HeatStress heat, FrostbiteRisk frostbite) {
        List<Hazard> hazards = new ArrayList<>();
        heat(heat).ifPresent(hazards::add);
        cold(frostbite).ifPresent(hazards::add);
        return hazards;
    }

    static Optional<Hazard> heat(HeatStress heat) {
        if (heat == null) {
            return Optional.empty();
        }
        return switch (heat.category()) {
            case 1 -> Optional.of(new Hazard(HEAT, Probability.C, Severity.III, Probability.D, Severity.III));
            case 2 -> Optional.of(new Hazard(HEAT, Probability.C, Severity.II, Probability.D, Severity.III));
            case 3 -> Optional.of(new Hazard(HEAT, Probability.B, Severity.II, Probability.D, Severity.II));
            case 4 -> Optional.of(new Hazard(HEAT, Probability.B, Severity.II, Probability.C, Severity.II));
            case 5 -> Optional.of(new Hazard(HEAT, Probability.A, Severity.I, Probability.B, Severity.I));
            default -> Optional.empty();
        };
    }

    static Optional<Hazard> cold(FrostbiteRisk frostbite) {
        if (frostbite == null) {
            return Optional.empty();
        }
        return switch (frostbite) {
            case MINIMAL -> Optional.empty();
            case LOW -> Optional.of(new Hazard(COLD, Probability.C, Severity.III, Probability.D, Severity.III));
            case HIGH -> Optional.of(new Hazard(COLD, Probability.C, Severity.II, Probability.D, Severity.II));
            case VERY_HIGH -> Optional.of(new Hazard(COLD, Probability.B, Severity.II, Probability.C, Severity.II));
            case SEVERE -> Optional.of(new Hazard(COLD, Probability.B, Severity.I, Probability.C, Severity.I));
            case EXTREME -> Optional.of(new Hazard(COLD, Probability.A, Severity.I, Probability.B, Severity.I));
        };
    }

    /**
     * WBGT in °C estimated from air temperature and relative humidity for shade (the Australian Bureau of
     * Meteorology's approximation): WBGT = 0.567·T + 0.393·e + 3.94, e = RH/100 · 6.105 · exp(17.27·T / (237.7 + T)).
     * It ignores sun and wind; a measured WBGT is always preferred.
     */
    public static double estimatedWbgtC(double airTempC, double humidityPct) {
        double vapourPressure = humidityPct / 100.0 * 6.105 * Math.exp(17.27 * airTempC / (237.7 + airTempC));
        return 0.567 * airTempC + 0.393 * vapourPressure + 3.94;
    }
}
