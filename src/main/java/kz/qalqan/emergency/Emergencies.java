package kz.qalqan.emergency;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.internal.EmergencyRepository;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.District;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Region;
import kz.qalqan.shared.GeoPoint;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Declares emergencies and moves them through their lifecycle. ADMIN and EMERGENCY_COORDINATOR manage the
 * emergencies their scope covers; they, commanders, safety and medical officers see those inside their scope and
 * those above it (a national emergency is seen in every region). Every declaration and change is audited and
 * published as an event.
 */
@Service
@Transactional
public class Emergencies {

    /** Who declares emergencies, selects and calls up the force, and tasks it. */
    public static final Role[] COORDINATORS = {Role.ADMIN, Role.EMERGENCY_COORDINATOR};

    /** Who watches an emergency (board, accountability, tasks, SITREP). */
    public static final Role[] WATCHERS = {Role.ADMIN, Role.EMERGENCY_COORDINATOR, Role.COMMANDER,
            Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER};

    private static final int LIST_LIMIT = 500;

    private final EmergencyRepository repository;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Emergencies(EmergencyRepository repository, OrgStructure org, CurrentCaller caller, AuditTrail audit,
                ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Declares an emergency owned by the part of the tree its area lies in; the caller's scope must cover it. */
    public Emergency declare(DeclareEmergency command) {
        return declare(command, null, null);
    }

    /** As {@link #declare(DeclareEmergency)}, remembering the CAP alert it came from. */
    public Emergency declare(DeclareEmergency command, String capSender, String capIdentifier) {
        String title = check(command);
        String orgPath = owner(command.area());
        requireManager(orgPath);
        Instant now = clock.instant();
        String actor = caller.get().username();
        long id = repository.insert(title, command.type(), command.severity(), command.exercise(),
                blankToNull(command.description()), command.area(), orgPath, now, actor, capSender, capIdentifier);
        audit.record("EMERGENCY_DECLARE", "emergency", Long.toString(id), orgPath, null,
                command.type() + " " + command.severity() + (command.exercise() ? " exercise" : "") + ": " + title);
        events.publishEvent(new EmergencyDeclared(id, orgPath, command.type(), command.exercise()));
        return repository.find(id).orElseThrow();
    }

    /** Changes what is known about an open emergency (title, severity, description, area). */
    public Emergency revise(long id, DeclareEmergency command) {
        Emergency current = managed(id);
        if (!current.status().isOpen()) {
            throw ConflictException.coded("status", "emergency.lifecycle.ended", current.status().name());
        }
        String title = check(command);
        String orgPath = owner(command.area());
        requireManager(orgPath);
        Emergency revised = new Emergency(id, title, command.type(), command.severity(), current.status(), command.exercise(),
                blankToNull(command.description()), command.area(), orgPath, current.declaredAt(), current.declaredBy(),
                current.updatedAt(), current.closedAt(), current.statusReason(), current.capSender(),
                current.capIdentifier());
        repository.update(revised, clock.instant());
        audit.record("EMERGENCY_REVISE", "emergency", Long.toString(id), orgPath, null, title);
        events.publishEvent(new EmergencyRevised(id, orgPath));
        return repository.find(id).orElseThrow();
    }

    /** Moves an emergency to {@code next} if its lifecycle allows; a reason is required to cancel. */
    public Emergency changeStatus(long id, EmergencyStatus next, String reason) {
        Emergency current = managed(id);
        if (next == null) {
            throw InvalidInputException.coded("status", "emergency.lifecycle.statusRequired");
        }
        if (!current.status().mayBecome(next)) {
            throw ConflictException.coded("status", "emergency.lifecycle.notAllowed", current.status().name(), next.name());
        }
        String why = blankToNull(reason);
        if (next == EmergencyStatus.CANCELLED && why == null) {
            throw InvalidInputException.coded("reason", "emergency.reason.requiredToCancel");
        }
        if (why != null && why.length() > 1000) {
            throw InvalidInputException.coded("reason", "emergency.reason.tooLong", 1000);
        }
        Instant now = clock.instant();
        Emergency changed = new Emergency(id, current.title(), current.type(), current.severity(), next,
                current.exercise(), current.description(), current.area(), current.orgPath(), current.declaredAt(),
                current.declaredBy(), now, next.isOpen() ? null : now, why, current.capSender(), current.capIdentifier());
        repository.update(changed, now);
        audit.record("EMERGENCY_STATUS", "emergency", Long.toString(id), current.orgPath(), why,
                current.status() + " -> " + next);
        events.publishEvent(new EmergencyStatusChanged(id, current.status(), next, why));
        return repository.find(id).orElseThrow();
    }

    /** An emergency the caller may watch; 404 otherwise. */
    public Emergency find(long id) {
        Emergency emergency = repository.find(id).filter(e -> visible(watching(), e.orgPath()))
                .orElseThrow(() -> new NotFoundException("No emergency " + id));
        audit.record("EMERGENCY_READ", "emergency", Long.toString(id), emergency.orgPath(), null, "emergency");
        return emergency;
    }

    /** An emergency the caller may manage: 404 when they may not see it, 403 when they may only watch it. */
    public Emergency managed(long id) {
        Emergency emergency = repository.lock(id).filter(e -> visible(watching(), e.orgPath()))
                .orElseThrow(() -> new NotFoundException("No emergency " + id));
        requireManager(emergency.orgPath());
        return emergency;
    }

    /** Whether the caller may manage (select, call up, task) in this emergency. */
    @Transactional(readOnly = true)
    public boolean mayManage(Emergency emergency) {
        return caller.get().scopeFor(COORDINATORS).covers(emergency.orgPath());
    }

    /** Whether the caller may watch an emergency owned at this org path (a check only: nothing is read or audited). */
    public boolean mayWatch(String orgPath) {
        return visible(watching(), orgPath);
    }

    /** The emergencies the caller may watch, newest first (open ones only when asked); none for other roles. */
    public List<Emergency> list(boolean openOnly) {
        Scope scope = watching();
        List<Emergency> list = scope.isNothing() ? List.of() : repository.list(scope, openOnly, LIST_LIMIT);
        audit.record("EMERGENCY_READ", "emergency", null, scope.commonPath(), null, "list of " + list.size());
        return list;
    }

    private Scope watching() {
        return caller.get().scopeFor(WATCHERS);
    }

    private static boolean visible(Scope scope, String orgPath) {
        return scope.covers(orgPath) || scope.prefixes().stream().anyMatch(p -> p.startsWith(orgPath));
    }

    private void requireManager(String orgPath) {
        Scope scope = caller.get().scopeFor(COORDINATORS);
        if (!scope.covers(orgPath)) {
            throw orgPath.isEmpty() ? ForbiddenException.coded("emergency.manage.nationalOnly")
                    : ForbiddenException.coded("emergency.manage.outOfScope", orgPath);
        }
    }

    /**
     * Every problem of a declaration at once, without declaring anything: what {@link #declare(DeclareEmergency)}
     * would refuse, so that a form shows all its mistakes together.
     */
    public List<FieldProblem> problems(DeclareEmergency command) {
        try {
            check(command);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private String check(DeclareEmergency command) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = command.title() == null ? "" : command.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            problems.add(FieldProblem.of("title", "emergency.declare.title", 200));
        }
        if (command.type() == null) {
            problems.add(FieldProblem.of("type", "emergency.declare.type"));
        }
        if (command.severity() == null) {
            problems.add(FieldProblem.of("severity", "emergency.declare.severity"));
        }
        if (command.description() != null && command.description().length() > 4000) {
            problems.add(FieldProblem.of("description", "emergency.declare.descriptionTooLong", 4000));
        }
        problems.addAll(areaProblems(command.area()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return title;
    }

    private List<FieldProblem> areaProblems(EmergencyArea area) {
        List<FieldProblem> problems = new ArrayList<>();
        if (area == null || area.isEmpty()) {
            problems.add(FieldProblem.of("area", "emergency.declare.areaRequired"));
            return problems;
        }
        // the caps first, refused at once: nothing below looks at the items of an over-long list
        ListLimit.check("area.polygons", area.polygons(), EmergencyArea.MAX_POLYGONS).ifPresent(problems::add);
        ListLimit.check("area.circles", area.circles(), EmergencyArea.MAX_CIRCLES).ifPresent(problems::add);
        ListLimit.check("area.regionCodes", area.regionCodes(), EmergencyArea.MAX_REGIONS).ifPresent(problems::add);
        ListLimit.check("area.districtIds", area.districtIds(), EmergencyArea.MAX_DISTRICTS).ifPresent(problems::add);
        for (int i = 0; i < Math.min(area.polygons().size(), EmergencyArea.MAX_POLYGONS); i++) {
            ListLimit.check("area.polygons[" + i + "]", area.polygons().get(i), EmergencyArea.MAX_POLYGON_POINTS)
                    .ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        for (int i = 0; i < area.polygons().size(); i++) {
            List<GeoPoint> ring = area.polygons().get(i);
            if (ring.size() < 4 || !ring.get(0).equals(ring.get(ring.size() - 1))) {
                problems.add(FieldProblem.of("area.polygons[" + i + "]", "emergency.area.polygonNotClosed", i + 1));
            }
        }
        for (int i = 0; i < area.circles().size(); i++) {
            EmergencyArea.Circle circle = area.circles().get(i);
            if (circle.center() == null || !(circle.radiusKm() >= 0 && circle.radiusKm() <= 1000)) {
                problems.add(FieldProblem.of("area.circles[" + i + "]", "emergency.area.circleInvalid", 1000));
            }
        }
        for (String code : area.regionCodes()) {
            if (org.region(code).isEmpty()) {
                problems.add(FieldProblem.of("area.regionCodes", "emergency.area.regionUnknown", code));
            }
        }
        Set<Integer> districts = org.districts().stream().map(District::id).collect(java.util.stream.Collectors.toSet());
        for (Integer district : area.districtIds()) {
            if (district == null || !districts.contains(district)) {
                problems.add(FieldProblem.of("area.districtIds", "emergency.area.districtUnknown", String.valueOf(district)));
            }
        }
        return problems;
    }

    /**
     * The region path that owns the area, or {@code ""} when it spans regions. Named regions and districts count
     * by their region; polygon vertices and circle centres by the region whose centre is nearest.
     */
    private String owner(EmergencyArea area) {
        Set<String> regions = new LinkedHashSet<>(area.regionCodes());
        java.util.Map<Integer, String> regionOf = org.districts().stream()
                .collect(java.util.stream.Collectors.toMap(District::id, District::regionCode, (a, b) -> a));
        area.districtIds().stream().map(regionOf::get).filter(java.util.Objects::nonNull).forEach(regions::add);
        List<GeoPoint> points = new ArrayList<>();
        area.polygons().forEach(points::addAll);
        area.circles().forEach(c -> points.add(c.center()));
        if (!points.isEmpty()) {
            List<Region> all = org.regions().stream().filter(r -> r.centerLat() != null && r.centerLon() != null).toList();
            for (GeoPoint p : points) {
                all.stream().min(Comparator.comparingDouble(r -> EmergencyArea.distanceKm(p,
                        new GeoPoint(r.centerLat(), r.centerLon())))).ifPresent(r -> regions.add(r.code()));
            }
        }
        return regions.size() == 1 ? regions.iterator().next() + "/" : "";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
