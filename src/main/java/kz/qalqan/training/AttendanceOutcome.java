package kz.qalqan.training;

import java.io.Serializable;
import java.util.List;

/**
 * The attendance as recorded, the qualifications a PASS awarded, and those the qualification policy
 * refused (with its reasons) — a refused award does not undo the attendance.
 */
public record AttendanceOutcome(Enrolment enrolment, List<String> awarded, List<RefusedAward> refused)
        implements Serializable { // shown once after the redirect, so it travels in the session (kept in PostgreSQL)

    public AttendanceOutcome {
        awarded = List.copyOf(awarded);
        refused = List.copyOf(refused);
    }

    public record RefusedAward(String code, List<String> reasons) implements Serializable {
        public RefusedAward {
            reasons = List.copyOf(reasons);
        }
    }
}
