package kz.qalqan.training;

import kz.qalqan.platform.ConflictException;

import java.util.List;

/**
 * An enrolment that waits for the trainer to confirm the member's risk flags (409 on the field
 * {@code confirmFlags}); the warnings are what the confirmation step lists.
 */
public class FlagsNeedConfirmationException extends ConflictException {

    private final transient List<String> warnings;

    public FlagsNeedConfirmationException(List<String> warnings) {
        super("confirmFlags", "the member has risk flags to confirm before enrolment: " + String.join("; ", warnings));
        this.warnings = List.copyOf(warnings);
    }

    public List<String> warnings() {
        return warnings;
    }
}
