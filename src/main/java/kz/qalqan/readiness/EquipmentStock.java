package kz.qalqan.readiness;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.readiness.internal.EquipmentRepository;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Equipment per unit: authorised, on-hand and serviceable quantities of each item type with the next
 * inspection date — what S (on hand / authorised) and R (serviceable with the inspection in date / on hand)
 * are computed from. Readers in scope read; ADMIN and COMMANDER over the unit replace the lines. Both are
 * audited; a change publishes {@link EquipmentChanged}, which recomputes the unit and its ancestors.
 */
@Service
@Transactional
public class EquipmentStock {

    static final int MAX_QUANTITY = 1_000_000;

    private final EquipmentRepository repository;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EquipmentStock(EquipmentRepository repository, OrgStructure org, CurrentCaller caller, AuditTrail audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public UnitEquipment of(long unitId) {
        Unit unit = readable(unitId);
        UnitEquipment equipment = repository.of(unitId);
        audit.record("EQUIPMENT_READ", "unit", Long.toString(unitId), unit.orgPath(), null, null);
        return equipment;
    }

    public UnitEquipment replace(long unitId, EquipmentCommand command, String actor) {
        ListLimit.require("lines", command == null ? null : command.lines(), EquipmentCommand.MAX_LINES);
        Unit unit = readable(unitId);
        if (!caller.get().scopeFor(ReadinessBoard.COMMANDERS).covers(unit.orgPath())) {
            throw ForbiddenException.coded("readiness.equipment.notCommander");
        }
        List<EquipmentLine> lines = command == null || command.lines() == null ? List.of() : command.lines();
        List<FieldProblem> problems = new ArrayList<>();
        EnumSet<ItemType> seen = EnumSet.noneOf(ItemType.class);
        for (int i = 0; i < lines.size(); i++) {
            EquipmentLine l = lines.get(i);
            String at = "lines[" + i + "].";
            if (l == null || l.type() == null) {
                problems.add(FieldProblem.of(at + "type", "readiness.equipment.typeRequired"));
                continue;
            }
            if (!seen.add(l.type())) {
                problems.add(FieldProblem.of(at + "type", "readiness.equipment.listedTwice", l.type().name()));
            }
            quantity(problems, at + "authorised", l.authorised());
            quantity(problems, at + "onHand", l.onHand());
            quantity(problems, at + "serviceable", l.serviceable());
            if (l.serviceable() > l.onHand()) {
                problems.add(FieldProblem.of(at + "serviceable", "readiness.error.serviceableOverOnHand"));
            }
            if (l.onHand() > 0 && l.nextInspectionDue() == null) {
                problems.add(FieldProblem.of(at + "nextInspectionDue", "readiness.error.inspectionRequired"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.replace(unitId, lines, actor, clock.instant());
        events.publishEvent(new EquipmentChanged(unitId));
        audit.record("EQUIPMENT_UPDATE", "unit", Long.toString(unitId), unit.orgPath(), null, lines.size() + " lines: "
                + lines.stream().map(l -> l.type() + " " + l.onHand() + "/" + l.authorised() + " (" + l.serviceable() + " serviceable)").toList());
        return repository.of(unitId);
    }

    private static void quantity(List<FieldProblem> problems, String field, int value) {
        if (value < 0 || value > MAX_QUANTITY) {
            problems.add(FieldProblem.of(field, "readiness.error.quantity", MAX_QUANTITY));
        }
    }

    private Unit readable(long unitId) {
        Unit unit = org.unit(unitId);
        if (!caller.get().scopeFor(ReadinessBoard.READERS).covers(unit.orgPath())) {
            throw new NotFoundException("No unit with id " + unitId);
        }
        return unit;
    }
}
