package kz.qalqan.emergency.tasking;

import java.time.Instant;

/** A planned or worked shift; {@code overrideReason} is set when a coordinator planned it against a fatigue rule. */
public record Shift(long id, long emergencyId, long memberId, Instant startsAt, Instant endsAt, Long taskId,
                    Long teamId, String overrideReason, String createdBy, Instant createdAt) {
}
