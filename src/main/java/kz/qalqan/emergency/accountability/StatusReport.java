package kz.qalqan.emergency.accountability;

/** A report about one member: the status and a note (for NEEDS_ASSISTANCE, what help is needed). */
public record StatusReport(AccountabilityStatus status, String note) {
}
