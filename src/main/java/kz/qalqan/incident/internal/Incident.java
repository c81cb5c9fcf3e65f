package kz.qalqan.incident.internal;

import kz.qalqan.incident.CorrectiveAction;
import kz.qalqan.incident.IncidentStatus;
import kz.qalqan.platform.ConflictException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow state of one incident with its corrective actions. Every transition asks the
 * {@link WorkflowPolicy} and, when allowed, changes the state and returns the change for the repository to
 * store; a rejection is a {@link ConflictException} carrying the policy's reason.
 */
public final class Incident {

    /** A change the repository applies, guarded by the version it was read at. */
    public sealed interface Change permits InvestigationStarted, ActionAdded, ActionDone, Closed {
    }

    public record InvestigationStarted(String investigator, Instant at) implements Change {
    }

    public record ActionAdded(IncidentStatus next, String description, String owner, LocalDate dueOn, String actor,
                              Instant at) implements Change {
    }

    public record ActionDone(long actionId, LocalDate doneOn, String actor) implements Change {
    }

    public record Closed(String review, String actor, Instant at) implements Change {
    }

    private final long id;
    private IncidentStatus status;
    private final List<CorrectiveAction> actions;
    private final int version;

    public Incident(long id, IncidentStatus status, List<CorrectiveAction> actions, int version) {
        this.id = id;
        this.status = status;
        this.actions = new ArrayList<>(actions);
        this.version = version;
    }

    public long id() {
        return id;
    }

    public IncidentStatus status() {
        return status;
    }

    public int version() {
        return version;
    }

    public List<CorrectiveAction> actions() {
        return List.copyOf(actions);
    }

    public InvestigationStarted startInvestigation(String investigator, Instant at) {
        status = allowed(WorkflowPolicy.startInvestigation(status));
        return new InvestigationStarted(investigator, at);
    }

    public ActionAdded addAction(String description, String owner, LocalDate dueOn, String actor, Instant at) {
        status = allowed(WorkflowPolicy.addAction(status));
        return new ActionAdded(status, description, owner, dueOn, actor, at);
    }

    public ActionDone completeAction(long actionId, LocalDate doneOn, String actor) {
        CorrectiveAction action = actions.stream().filter(a -> a.id() == actionId).findFirst()
                .orElseThrow(() -> new kz.qalqan.platform.NotFoundException("No corrective action " + actionId
                        + " in incident " + id));
        allowed(WorkflowPolicy.completeAction(status, action));
        actions.replaceAll(a -> a.id() == actionId
                ? new CorrectiveAction(a.id(), a.description(), a.owner(), a.dueOn(), doneOn, actor) : a);
        return new ActionDone(actionId, doneOn, actor);
    }

    public Closed close(String review, String actor, Instant at) {
        status = allowed(WorkflowPolicy.close(status, actions, review));
        return new Closed(review.trim(), actor, at);
    }

    private static IncidentStatus allowed(WorkflowPolicy.Decision decision) {
        if (decision instanceof WorkflowPolicy.Rejected rejected) {
            throw ConflictException.coded("status", rejected.code(), rejected.args().toArray());
        }
        return ((WorkflowPolicy.Allowed) decision).next();
    }
}
