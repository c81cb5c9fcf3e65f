package kz.qalqan.emergency.accountability;

/** Someone reported a member's status in an emergency (the member themselves, or staff on their behalf). */
public record AccountabilityReported(long emergencyId, long memberId, String orgPath, AccountabilityStatus status,
                                     boolean onBehalf) {
}
