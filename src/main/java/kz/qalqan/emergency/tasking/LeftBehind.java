package kz.qalqan.emergency.tasking;

import java.time.Instant;
import java.util.List;

/**
 * Nobody left behind: everyone checked in and not checked out, with where they were last tasked and how to reach
 * them; and, once the emergency was stood down, how many were still out at that moment.
 */
public record LeftBehind(long emergencyId, List<Person> people, Instant standDownAt, Integer atStandDown) {

    public record Person(long memberId, String fullName, String phone, String email, Instant checkedInAt,
                         String stagingPoint, Long teamId, String teamName, Long taskId, String taskTitle) {
    }
}
