package kz.qalqan.safety;

/**
 * Whether an activity may start: it needs an APPROVED risk assessment whose approved level covers its
 * current overall residual risk. {@code reason} says why not (or that it is cleared) in plain English;
 * {@code assessmentId} and the levels are null when there is no assessment.
 */
public record Clearance(ActivityKind activityKind, long activityId, boolean cleared, Long assessmentId,
                        AssessmentStatus status, RiskLevel overallResidualRisk, RiskLevel approvedLevel,
                        ApprovalAuthority requiredAuthority, String reason) {

    public static Clearance noAssessment(ActivityKind kind, long activityId) {
        return new Clearance(kind, activityId, false, null, null, null, null, null,
                "No risk assessment has been prepared for this activity");
    }
}
