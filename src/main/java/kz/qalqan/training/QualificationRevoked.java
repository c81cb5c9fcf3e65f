package kz.qalqan.training;

/** A qualification award was withdrawn (recorded in error, or the evidence did not hold). */
public record QualificationRevoked(long memberId, long qualificationId, String code) {
}
