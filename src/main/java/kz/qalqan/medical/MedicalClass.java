package kz.qalqan.medical;

/** A member's medical class on a day (DOMAIN.md §8). */
public enum MedicalClass {
    FIT, FIT_LIMITED, TEMPORARILY_UNFIT, UNFIT,
    /** No exam within the validity period. */
    UNKNOWN
}
