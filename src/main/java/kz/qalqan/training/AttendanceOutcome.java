package kz.qalqan.training;

import java.util.List;

/**
 * The attendance as recorded, the qualifications a PASS awarded, and those the qualification policy
 * refused (with its reasons) — a refused award does not undo the attendance.
 */
public record AttendanceOutcome(Enrolment enrolment, List<String> awarded, List<RefusedAward> refused) {

    public AttendanceOutcome {
        awarded = List.copyOf(awarded);
        refused = List.copyOf(refused);
    }

    public record RefusedAward(String code, List<String> reasons) {
        public RefusedAward {
            reasons = List.copyOf(reasons);
        }
    }
}
