package kz.qalqan.safety;

/**
 * A review raised an approved activity's overall residual risk above the approved level: the assessment is
 * back in SUBMITTED and the activity must not go on until it is approved again at the new level.
 */
public record ActivityRiskRaised(long assessmentId, ActivityKind activityKind, long activityId, long unitId,
                                 RiskLevel approvedLevel, RiskLevel newLevel, ApprovalAuthority requiredAuthority) {
}
