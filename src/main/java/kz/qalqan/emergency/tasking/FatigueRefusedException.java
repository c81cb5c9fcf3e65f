package kz.qalqan.emergency.tasking;

import kz.qalqan.platform.ConflictException;

import java.util.List;
import java.util.stream.Collectors;

/** A shift refused by the fatigue rules; a coordinator may plan it anyway with a reason. */
public class FatigueRefusedException extends ConflictException {

    private final transient List<FatigueViolation> violations;

    public FatigueRefusedException(List<FatigueViolation> violations) {
        super("startsAt", "Fatigue rules: " + violations.stream()
                .map(v -> v.rule() + ": " + v.message()).collect(Collectors.joining("; "))
                + ". A coordinator may plan it anyway with an override reason.");
        this.violations = List.copyOf(violations);
    }

    public List<FatigueViolation> violations() {
        return violations;
    }
}
