package kz.qalqan.incident.internal;

import kz.qalqan.incident.CorrectiveAction;
import kz.qalqan.incident.IncidentStatus;

import java.util.List;

/**
 * The incident workflow: REPORTED → UNDER_INVESTIGATION → CORRECTIVE_ACTIONS → CLOSED. An investigation
 * starts only on a new report; corrective actions are added during the investigation or while actions are
 * under way; an incident closes after its investigation, once every action is done, with a review. A closed
 * incident does not change. Each rejection says why in the domain's words.
 */
public final class WorkflowPolicy {

    /** The answer of the policy: allowed, or rejected with a reason. */
    public sealed interface Decision permits Allowed, Rejected {
    }

    public record Allowed(IncidentStatus next) implements Decision {
    }

    public record Rejected(String reason) implements Decision {
    }

    private WorkflowPolicy() {
    }

    public static Decision startInvestigation(IncidentStatus status) {
        return switch (status) {
            case REPORTED -> new Allowed(IncidentStatus.UNDER_INVESTIGATION);
            case CLOSED -> closed();
            default -> new Rejected("The investigation of this incident has already started");
        };
    }

    public static Decision addAction(IncidentStatus status) {
        return switch (status) {
            case REPORTED -> new Rejected("Corrective actions follow an investigation; start the investigation first");
            case UNDER_INVESTIGATION, CORRECTIVE_ACTIONS -> new Allowed(IncidentStatus.CORRECTIVE_ACTIONS);
            case CLOSED -> closed();
        };
    }

    public static Decision completeAction(IncidentStatus status, CorrectiveAction action) {
        if (status == IncidentStatus.CLOSED) {
            return closed();
        }
        if (action.done()) {
            return new Rejected("This corrective action was already done on " + action.doneOn());
        }
        return new Allowed(status);
    }

    public static Decision close(IncidentStatus status, List<CorrectiveAction> actions, String review) {
        return switch (status) {
            case REPORTED -> new Rejected("An incident is closed only after it has been investigated");
            case CLOSED -> closed();
            case UNDER_INVESTIGATION, CORRECTIVE_ACTIONS -> {
                long open = actions.stream().filter(a -> !a.done()).count();
                if (open > 0) {
                    yield new Rejected(open + (open == 1 ? " corrective action is" : " corrective actions are")
                            + " still open; finish them before closing");
                }
                if (review == null || review.isBlank()) {
                    yield new Rejected("Closing needs a review: what was found and what was learned");
                }
                yield new Allowed(IncidentStatus.CLOSED);
            }
        };
    }

    private static Rejected closed() {
        return new Rejected("The incident is closed and can no longer change");
    }
}
