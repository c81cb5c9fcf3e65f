package kz.qalqan.incident.internal;

import kz.qalqan.incident.CorrectiveAction;
import kz.qalqan.incident.IncidentStatus;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The incident workflow: REPORTED → UNDER_INVESTIGATION → CORRECTIVE_ACTIONS → CLOSED. An investigation
 * starts only on a new report; corrective actions are added during the investigation or while actions are
 * under way; an incident closes after its investigation, once every action is done, with a review. A closed
 * incident does not change. Each rejection says why as a message code ({@code incident.rejected.*}) with its arguments.
 */
public final class WorkflowPolicy {

    /** The answer of the policy: allowed, or rejected with the code of the reason and its arguments. */
    public sealed interface Decision permits Allowed, Rejected {
    }

    public record Allowed(IncidentStatus next) implements Decision {
    }

    public record Rejected(String code, List<Object> args) implements Decision {

        public Rejected {
            args = List.copyOf(args);
        }

        static Rejected of(String code, Object... args) {
            return new Rejected(code, List.of(args));
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private WorkflowPolicy() {
    }

    public static Decision startInvestigation(IncidentStatus status) {
        return switch (status) {
            case REPORTED -> new Allowed(IncidentStatus.UNDER_INVESTIGATION);
            case CLOSED -> closed();
            default -> Rejected.of("incident.rejected.alreadyInvestigating");
        };
    }

    public static Decision addAction(IncidentStatus status) {
        return switch (status) {
            case REPORTED -> Rejected.of("incident.rejected.investigateFirst");
            case UNDER_INVESTIGATION, CORRECTIVE_ACTIONS -> new Allowed(IncidentStatus.CORRECTIVE_ACTIONS);
            case CLOSED -> closed();
        };
    }

    public static Decision completeAction(IncidentStatus status, CorrectiveAction action) {
        if (status == IncidentStatus.CLOSED) {
            return closed();
        }
        if (action.done()) {
            return Rejected.of("incident.rejected.actionDone", DAY.format(action.doneOn()));
        }
        return new Allowed(status);
    }

    public static Decision close(IncidentStatus status, List<CorrectiveAction> actions, String review) {
        return switch (status) {
            case REPORTED -> Rejected.of("incident.rejected.notInvestigated");
            case CLOSED -> closed();
            case UNDER_INVESTIGATION, CORRECTIVE_ACTIONS -> {
                long open = actions.stream().filter(a -> !a.done()).count();
                if (open > 0) {
                    yield Rejected.of("incident.rejected.openActions", open);
                }
                if (review == null || review.isBlank()) {
                    yield Rejected.of("incident.rejected.reviewNeeded");
                }
                yield new Allowed(IncidentStatus.CLOSED);
            }
        };
    }

    private static Rejected closed() {
        return Rejected.of("incident.rejected.closed");
    }
}
