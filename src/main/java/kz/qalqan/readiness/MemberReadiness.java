package kz.qalqan.readiness;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's individual readiness today: NOT_READY when any reason blocks, READY_LIMITED when one limits,
 * else READY. Reasons carry dates and qualification codes, never diagnoses; the medical class and profile
 * restrictions appear only to medical roles.
 */
public record MemberReadiness(long memberId, Status status, Long unitId, Long positionId, List<Reason> reasons,
                              LocalDate day) {

    public enum Status { READY, READY_LIMITED, NOT_READY }

    public enum Severity { BLOCKING, LIMITING, NOTE }

    /**
     * @param code    NOT_ACTIVE, NO_VALID_EXAM, EXAM_EXPIRED, UNFIT, TEMPORARILY_UNFIT, ACTIVE_PROFILE,
     *                LIMITED_FITNESS, BELOW_MEDICAL_STANDARD, QUALIFICATION_MISSING, QUALIFICATION_EXPIRED,
     *                QUALIFICATION_EXPIRING, NO_POSITION
     * @param subject the qualification code or restriction list, when the reason is about one
     * @param until   the date the reason ends or ended (expiry, end of unfitness or profile), when known
     */
    public record Reason(String code, Severity severity, String subject, LocalDate until, String text) {
    }
}
