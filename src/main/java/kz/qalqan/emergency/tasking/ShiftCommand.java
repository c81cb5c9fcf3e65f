package kz.qalqan.emergency.tasking;

import java.time.Instant;

/** A shift to plan; {@code overrideReason} plans it despite fatigue violations (coordinators, audited). */
public record ShiftCommand(Long memberId, Instant startsAt, Instant endsAt, Long taskId, Long teamId,
                           String overrideReason) {
}
