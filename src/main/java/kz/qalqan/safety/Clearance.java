package kz.qalqan.safety;

import kz.qalqan.platform.Coded;

import java.util.List;

/**
 * Whether an activity may start: it needs an APPROVED risk assessment whose approved level covers its
 * current overall residual risk. {@code code} and {@code args} say why not (or that it is cleared) as a message
 * key of the safety bundle, {@code reason} says it in the caller's language; {@code assessmentId} and the levels
 * are null when there is no assessment.
 */
public record Clearance(ActivityKind activityKind, long activityId, boolean cleared, Long assessmentId,
                        AssessmentStatus status, RiskLevel overallResidualRisk, RiskLevel approvedLevel,
                        ApprovalAuthority requiredAuthority, String code, List<Object> args, String reason)
        implements Coded {

    public static final String NO_ASSESSMENT = "safety.clearance.none";

    public Clearance {
        args = List.copyOf(args);
    }
}
