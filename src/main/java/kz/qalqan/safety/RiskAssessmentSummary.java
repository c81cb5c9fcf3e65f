package kz.qalqan.safety;

import kz.qalqan.shared.ActivityType;

import java.time.LocalDate;

/** A line of the assessment list. */
public record RiskAssessmentSummary(long id, ActivityKind activityKind, long activityId, String title, long unitId,
                                    ActivityType activityType, LocalDate beginsOn, LocalDate endsOn,
                                    String preparerName, RiskLevel overallResidualRisk,
                                    ApprovalAuthority requiredAuthority, AssessmentStatus status,
                                    RiskLevel approvedLevel) {
}
