package kz.qalqan.training;

import java.io.Serializable;
import java.time.Instant;

/** A member enrolled in an event, with the attendance recorded so far (null fields: not yet recorded). */
public record Enrolment(long eventId, long memberId, String memberName, Instant enrolledAt,
                        AttendanceStatus attendance, Integer durationMinutes, Integer sessionRpe,
                        TrainingResult result, String recordedBy, Instant recordedAt) implements Serializable {

    /** Session load: duration in minutes × session RPE; 0 when not present or not rated. */
    public int load() {
        return attendance == AttendanceStatus.PRESENT && durationMinutes != null && sessionRpe != null
                ? durationMinutes * sessionRpe : 0;
    }
}
