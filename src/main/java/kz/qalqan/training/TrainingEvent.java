package kz.qalqan.training;

import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;

import java.time.Instant;
import java.util.List;

/**
 * A planned training activity of a unit. Instants are UTC; pages show them in Asia/Almaty.
 *
 * @param awards   qualification codes a PASS result awards
 * @param sequence the iCalendar SEQUENCE: raised on every change a subscriber should see
 * @param enrolled members enrolled so far
 */
public record TrainingEvent(long id, long unitId, String unitCode, String orgPath, String title,
                            ActivityType activityType, WorkIntensity intensity, Instant startsAt, Instant endsAt,
                            String regionCode, Double lat, Double lon, String placeName, Long instructorId,
                            int capacity, List<String> awards, EventStatus status, int sequence, int enrolled,
                            String createdBy, Instant createdAt, Instant updatedAt) {

    public TrainingEvent {
        awards = awards == null ? List.of() : List.copyOf(awards);
    }

    /** The reference written as the awarding event of the qualifications it awards. */
    public String reference() {
        return "training-event:" + id;
    }

    public boolean full() {
        return enrolled >= capacity;
    }
}
