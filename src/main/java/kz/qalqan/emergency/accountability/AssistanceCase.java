package kz.qalqan.emergency.accountability;

import java.time.Instant;

/** Help for a member who reported NEEDS_ASSISTANCE, tracked from OPEN through IN_PROGRESS to CLOSED. */
public record AssistanceCase(long id, long emergencyId, long memberId, String orgPath, Instant openedAt, String need,
                             String assignedTo, CaseStatus status, Instant updatedAt, Instant closedAt, String outcome) {

    public enum CaseStatus {
        OPEN, IN_PROGRESS, CLOSED;

        public boolean mayBecome(CaseStatus next) {
            return this != CLOSED && next != null && next != this;
        }
    }
}
