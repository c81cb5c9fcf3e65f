package kz.qalqan.training;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.ConflictException;

import java.util.List;

/**
 * An enrolment that waits for the trainer to confirm the member's risk flags (409 on the field
 * {@code confirmFlags}); the warnings are what the confirmation step lists.
 */
public class FlagsNeedConfirmationException extends ConflictException {

    static final String CODE = "training.enrol.flagsToConfirm";

    private final transient List<Coded> warnings;

    public FlagsNeedConfirmationException(List<Coded> warnings) {
        // the arguments name the flags by their codes, so that a client can list them in its language
        super("confirmFlags", CODE + " " + codes(warnings), CODE, List.copyOf(codes(warnings)));
        this.warnings = List.copyOf(warnings);
    }

    private static List<String> codes(List<Coded> warnings) {
        return warnings.stream().map(Coded::code).toList();
    }

    public List<Coded> warnings() {
        return warnings;
    }
}
