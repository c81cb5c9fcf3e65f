package kz.qalqan.safety.internal;

import kz.qalqan.safety.Probability;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.safety.RiskMatrix;
import kz.qalqan.safety.Severity;

import java.util.List;

/** A validated hazard row: its initial and residual risks follow from the ATP 5-19 matrix. */
public record AssessedHazard(String subTask, String hazardCode, String hazard, Probability probability, Severity severity,
                             List<Control> controls, Probability residualProbability, Severity residualSeverity) {

    public AssessedHazard {
        controls = List.copyOf(controls);
    }

    public record Control(String control, String how, String who) {
    }

    public RiskLevel initialRisk() {
        return RiskMatrix.level(probability, severity);
    }

    public RiskLevel residualRisk() {
        return RiskMatrix.level(residualProbability, residualSeverity);
    }
}
