package kz.qalqan.emergency.tasking;

import kz.qalqan.platform.ConflictException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A shift refused by the fatigue rules ({@code tasking.fatigue.refused}); a coordinator may plan it anyway with a
 * reason. Each broken rule is a coded {@link FatigueViolation} of its own.
 */
public class FatigueRefusedException extends ConflictException {

    static final String CODE = "tasking.fatigue.refused";

    private final transient List<FatigueViolation> violations;

    public FatigueRefusedException(List<FatigueViolation> violations) {
        super("startsAt", CODE + " " + violations.stream().map(v -> v.rule() + ": " + v.message())
                .collect(Collectors.joining("; ")), CODE, List.of());
        this.violations = List.copyOf(violations);
    }

    public List<FatigueViolation> violations() {
        return violations;
    }
}
