package kz.qalqan.training;

import kz.qalqan.platform.Coded;

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

    /** A qualification of the event the policy did not award, with its reasons (message codes and arguments). */
    public record RefusedAward(String code, List<Reason> reasons) implements Serializable {
        public RefusedAward {
            reasons = List.copyOf(reasons);
        }
    }

    /** One reason as a message code and plain arguments, so that it can travel to the page in the session. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AwardRefusalReason")
    public record Reason(String code, List<Object> args) implements Coded, Serializable {
        public Reason {
            args = List.copyOf(args);
        }

        public static Reason of(Coded refusal) {
            return new Reason(refusal.code(), refusal.args());
        }
    }
}
