package kz.qalqan.safety;

import java.time.LocalDate;
import java.util.List;

/**
 * What a preparer writes on a DD Form 2977 worksheet. {@code activityId} is the training event's id for
 * {@code TRAINING_EVENT}; for {@code OTHER} it may be left out and the assessment's own id is used.
 * {@code overallResidualRisk} is optional: the overall risk is the highest residual risk of the hazards,
 * and a preparer may only set it higher, never lower.
 */
public record RiskAssessmentCommand(String activityKind, Long activityId, String title, Long unitId, String activityType,
                                    String workIntensity, LocalDate beginsOn, LocalDate endsOn, String preparerDutyTitle,
                                    String supervisionPlan, String overallResidualRisk, List<HazardCommand> hazards) {

    public RiskAssessmentCommand {
        hazards = hazards == null ? List.of() : List.copyOf(hazards);
    }

    /**
     * One hazard row (blocks 6-11): the sub-task it belongs to (optional), a library code or free text (or
     * both: the text then overrides the library name), the initial probability (A-E) and severity (I-IV),
     * the controls, and the residual probability and severity once the controls are in place.
     */
    public record HazardCommand(String subTask, String hazardCode, String hazard, String probability, String severity,
                                List<ControlCommand> controls, String residualProbability, String residualSeverity) {
        public HazardCommand {
            controls = controls == null ? List.of() : List.copyOf(controls);
        }
    }

    /** A control with how it is implemented and who implements it (blocks 9-10). */
    public record ControlCommand(String control, String how, String who) {
    }
}
