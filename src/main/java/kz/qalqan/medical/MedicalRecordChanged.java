package kz.qalqan.medical;

/**
 * An exam or profile was recorded for a member, whether or not the medical class changed (a new restriction on a
 * FIT_LIMITED member keeps the class): for read models that keep restrictions and exam dates.
 */
public record MedicalRecordChanged(long memberId) {
}
