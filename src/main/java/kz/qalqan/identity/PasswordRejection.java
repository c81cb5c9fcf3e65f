package kz.qalqan.identity;

/** Why {@link PasswordPolicy} refuses a password; {@link #messageKey()} names the text in the message bundles. */
public enum PasswordRejection {
    MISSING("is required"),
    TOO_SHORT("must be at least " + PasswordPolicy.MIN_LENGTH + " characters long"),
    TOO_LONG("must be at most " + PasswordPolicy.MAX_LENGTH + " characters long"),
    CONTAINS_USERNAME("must not be the username or built on it: without the username at least "
            + PasswordPolicy.MIN_LENGTH + " characters must remain"),
    TOO_COMMON("is one of the most common passwords; choose one that is harder to guess"),
    TOO_WEAK("is too easy to guess (repeats, sequences, keyboard patterns, names or dictionary words with a few "
            + "digits); a few unrelated words make a good one");

    private final String message;

    PasswordRejection(String message) {
        this.message = message;
    }

    /** English text, as used in API error responses after the field name ("password must be ..."). */
    public String message() {
        return message;
    }

    public String messageKey() {
        return "password.rejected." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
