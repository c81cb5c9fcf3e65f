package kz.qalqan.shared;

/** Why a string is not an IIN (hard rules: always rejected). Message keys live in the bundles as {@code iin.problem.<name>}. */
public enum IinProblem {
    MISSING("is required"),
    NOT_DIGITS("must contain only the digits 0-9"),
    TOO_SHORT("has fewer than 12 digits"),
    TOO_LONG("has more than 12 digits"),
    /** All 12 digits the same ({@code 000000000000}, {@code 111111111111}): a placeholder, never a person's number. */
    REPEATED_DIGITS("is a placeholder: all 12 digits are the same"),
    /** Digits 1–6 all zero ({@code 000000…}): a placeholder typed where the real number was unknown. */
    ZERO_DATE("is a placeholder: digits 1-6 are all zero"),
    CHECK_DIGIT("has a wrong check digit (12th digit)"),
    NEVER_ISSUED("starts with 11 digits for which no IIN is ever issued (both check passes give 10)");

    private final String reason;

    IinProblem(String reason) {
        this.reason = reason;
    }

    /** English reason, used in API and import reports. */
    public String reason() {
        return "IIN " + reason;
    }

    public String messageKey() {
        return "iin.problem." + name();
    }
}
