package kz.qalqan.training;

import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.shared.Scope;
import kz.qalqan.training.internal.EventRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.YearMonth;
import java.util.List;

/** Training exposure in person-days by unit, activity type and month, from recorded attendance. */
@Service
@Transactional(readOnly = true)
public class TrainingExposure {

    private final EventRepository events;
    private final OrgStructure org;
    private final CurrentCaller caller;

    TrainingExposure(EventRepository events, OrgStructure org, CurrentCaller caller) {
        this.events = events;
        this.org = org;
        this.caller = caller;
    }

    /**
     * Exposure of the unit and its sub-units (everything the caller may see when {@code unitId} is null) for
     * the months {@code from} to {@code to} inclusive, limited to what the caller may see.
     */
    public List<Exposure> of(Long unitId, YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw InvalidInputException.coded("to", "training.report.toBeforeFrom");
        }
        String prefix = unitId == null ? null : org.unit(unitId).orgPath();
        return query(prefix, from, to, caller.get().scopeFor(TrainingEvents.READERS));
    }

    /** The same for other modules (injury rates): every unit under {@code orgPathPrefix}, no caller scope. */
    public List<Exposure> under(String orgPathPrefix, YearMonth from, YearMonth to) {
        return query(orgPathPrefix, from, to, Scope.everything());
    }

    private List<Exposure> query(String prefix, YearMonth from, YearMonth to, Scope scope) {
        return events.exposure(prefix, from.atDay(1), to.atEndOfMonth(), scope).stream()
                .map(r -> new Exposure(r.unitId(), r.unitCode(), r.activityType(), YearMonth.from(r.month()),
                        r.personDays(), r.people()))
                .toList();
    }
}
