package kz.qalqan.safety;

/** An assessment was approved at {@code approvedLevel}: the activity may start (training listens). */
public record RiskAssessmentApproved(long assessmentId, ActivityKind activityKind, long activityId, long unitId,
                                     RiskLevel approvedLevel, ApprovalAuthority authority) {
}
