package kz.qalqan.emergency.tasking;

import java.time.Instant;

/** An incident task. Priority 1 is urgent, 2 high, 3 normal, 4 routine. */
public record Task(long id, long emergencyId, TaskType type, String title, String description, int priority,
                   TaskStatus status, Double lat, Double lon, String location, String stagingPoint, String createdBy,
                   Instant createdAt, Instant updatedAt) {
}
