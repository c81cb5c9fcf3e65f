package kz.qalqan.training;

import kz.qalqan.shared.ActivityType;

import java.time.LocalDate;

/**
 * Attendance of one member at one training event was recorded or corrected; the latest event for an
 * ({@code eventId}, {@code memberId}) pair supersedes earlier ones. {@code personDays} is the exposure the
 * attendance adds (0 when absent or excused); {@code sessionRpe} is null when not reported.
 */
public record AttendanceRecorded(long eventId, long memberId, long unitId, ActivityType activityType, LocalDate day,
                                 boolean present, int durationMinutes, Integer sessionRpe, int personDays) {

    /** Session load (duration in minutes × session RPE), 0 without a rating or when not present. */
    public int load() {
        return present && sessionRpe != null ? durationMinutes * sessionRpe : 0;
    }
}
