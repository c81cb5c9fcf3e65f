package kz.qalqan.training.internal;

import kz.qalqan.platform.Coded;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.training.ActivityClearance;
import kz.qalqan.training.EventStatus;
import kz.qalqan.training.TrainingEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Whether an activity may start and whether attendance may be recorded for it. Both go through here so
 * that one more rule — such as "not without an approved risk assessment at the required level" — is
 * added in one place. A refusal gives each reason as a message code with its arguments.
 */
@Component
public class StartPolicy {

    private final Supplier<List<ActivityClearance>> clearances;

    /** The clearances are looked up when asked: safety's clearance itself reads training events. */
    @Autowired
    StartPolicy(ObjectProvider<ActivityClearance> clearances) {
        this.clearances = () -> clearances.orderedStream().toList();
    }

    public StartPolicy(List<ActivityClearance> clearances) {
        List<ActivityClearance> fixed = List.copyOf(clearances);
        this.clearances = () -> fixed;
    }

    public sealed interface Decision permits Allowed, Refused {
    }

    public record Allowed() implements Decision {
    }

    public record Refused(List<Coded> reasons) implements Decision {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    /** An activity starts from PLANNED only. */
    public Decision start(TrainingEvent event) {
        List<Coded> reasons = new ArrayList<>();
        if (event.status() != EventStatus.PLANNED) {
            reasons.add(FieldProblem.of("status", "training.start.notPlanned", event.status().name()));
        }
        clearances.get().forEach(c -> c.refusal(event).ifPresent(reasons::add));
        return decide(reasons);
    }

    /** Attendance is taken once an activity has started (and may be corrected after it completed). */
    public Decision recordAttendance(TrainingEvent event) {
        List<Coded> reasons = new ArrayList<>();
        if (event.status() != EventStatus.STARTED && event.status() != EventStatus.COMPLETED) {
            reasons.add(FieldProblem.of("status", "training.attendance.notStarted", event.status().name()));
        }
        clearances.get().forEach(c -> c.refusal(event).ifPresent(reasons::add));
        return decide(reasons);
    }

    private static Decision decide(List<Coded> reasons) {
        return reasons.isEmpty() ? new Allowed() : new Refused(reasons);
    }
}
