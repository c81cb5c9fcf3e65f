package kz.qalqan.shared;

/** Soft-rule findings on a valid IIN: accepted, flagged for review. */
public enum IinWarning {
    NOT_A_CALENDAR_DATE("IIN digits 1-6 are not a calendar date"),
    CENTURY_DIGIT_UNDEFINED("IIN digit 7 is not 1-6, so birth century and sex cannot be decoded"),
    BIRTH_DATE_MISMATCH("recorded birth date differs from the one encoded in the IIN"),
    SEX_MISMATCH("recorded sex differs from the one encoded in the IIN");

    private final String description;

    IinWarning(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String messageKey() {
        return "iin.warning." + name();
    }
}
