package kz.qalqan.safety;

import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored risk assessment as its readers see it, block by block. {@code overallResidualRisk} is null while
 * no hazard is listed; {@code requiredAuthority} is who must approve that level.
 */
public record RiskAssessmentView(long id, ActivityKind activityKind, long activityId, String title, long unitId,
                                 String orgPath, ActivityType activityType, WorkIntensity workIntensity,
                                 LocalDate beginsOn, LocalDate endsOn, LocalDate preparedOn, String preparedBy,
                                 String preparerName, String preparerDutyTitle, List<String> subTasks,
                                 List<HazardView> hazards, RiskLevel overallResidualRisk,
                                 ApprovalAuthority requiredAuthority, AssessmentStatus status, RiskLevel approvedLevel,
                                 String approvedByName, ApprovalAuthority approvedAuthority, Instant approvedAt,
                                 String supervisionPlan, String lessonsLearned, List<DecisionView> decisions,
                                 int version) {

    public RiskAssessmentView {
        subTasks = List.copyOf(subTasks);
        hazards = List.copyOf(hazards);
        decisions = List.copyOf(decisions);
    }

    public record HazardView(String subTask, String hazardCode, String hazard, Probability probability, Severity severity,
                             RiskLevel initialRisk, List<ControlView> controls, Probability residualProbability,
                             Severity residualSeverity, RiskLevel residualRisk) {
        public HazardView {
            controls = List.copyOf(controls);
        }
    }

    public record ControlView(String control, String how, String who) {
    }

    /** One entry of the decision history (submitted, approved, disapproved, reviewed, risk raised). */
    public record DecisionView(String action, RiskLevel level, ApprovalAuthority authority, String actor,
                               String actorName, String reason, Instant at) {
    }
}
