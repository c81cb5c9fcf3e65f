package kz.qalqan.emergency.sitrep;

import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import kz.qalqan.emergency.tasking.TaskStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A situation report: the emergency's header, where the force stands (activated, answered, arrived, accounted,
 * injured), tasks by status, who is still checked in, and the same figures hour by hour since declaration.
 * {@code accountabilityAvailable} is false while accountability is not recorded for the emergency yet.
 */
public record Sitrep(long emergencyId, String title, EmergencyType type, Severity severity, EmergencyStatus status,
                     boolean exercise, Instant declaredAt, Instant generatedAt, Figures figures,
                     Map<TaskStatus, Long> tasksByStatus, int leftBehind, boolean accountabilityAvailable,
                     List<Point> timeline) {

    /** Activation rows (everyone ordered), answers, arrivals (first check-in) and accountability. */
    public record Figures(long activated, long answered, long accepted, long declined, long unable, long arrived,
                          long accounted, long injured) {
    }

    /** Cumulative figures at the end of the hour that starts at {@code hour}. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SitrepPoint") // the simple name is taken by another schema
    public record Point(Instant hour, long activated, long answered, long arrived, long accounted) {
    }
}
