package kz.qalqan.emergency.tasking;

import java.time.Instant;

/** A presence at the staging point; {@code checkedOutAt} is null while the member is still there. */
public record CheckIn(long id, long emergencyId, long memberId, String stagingPoint, Instant checkedInAt,
                      String checkedInBy, boolean selfReported, Instant checkedOutAt, String checkedOutBy) {
}
