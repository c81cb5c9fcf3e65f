package kz.qalqan.incident;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.incident.internal.Anonymously;
import kz.qalqan.incident.internal.Incident;
import kz.qalqan.incident.internal.IncidentRepository;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.Confidentiality;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.platform.security.Sensitivity;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberContact;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Region;
import kz.qalqan.registry.Unit;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports incidents and moves them through their workflow. Anyone signed in may report; an incident is seen by
 * the staff roles over its org path, by the members involved and by its (named) reporter; the investigation,
 * corrective actions and closing belong to commanders, safety officers and administrators over it. Injury
 * details are redacted by {@link Confidentiality} for everyone but medical officers in scope and the injured
 * member. Every report, read and change is audited; an anonymous report is audited as {@code anonymous}.
 */
@Service
@Transactional
public class Incidents {

    /** The most people one report may name (a list in a request body is capped, see {@link ListLimit}). */
    public static final int MAX_PERSONS = 1_000;

    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    /** Roles that see the incidents in their scope. */
    public static final Role[] READERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER,
            Role.TRAINING_OFFICER, Role.EMERGENCY_COORDINATOR};
    /** Roles that investigate, set corrective actions and close incidents in their scope. */
    public static final Role[] INVESTIGATORS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER};

    private static final int TEXT_MAX = 4000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final IncidentRepository repository;
    private final MemberDirectory members;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate writing;

    Incidents(IncidentRepository repository, MemberDirectory members, OrgStructure org, CurrentCaller caller,
              AuditTrail audit, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.writing = new TransactionTemplate(transactions);
        this.repository = repository;
        this.members = members;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private record Place(Long unitId, String unitCode, String unitName, String orgPath, String regionCode) {
    }

    /**
     * Reports an incident; publishes {@link IncidentReported} (serious for hospitalisation or worse). The unit and
     * member look-ups run in their own transactions, so that one which finds nothing answers 400 instead of
     * spoiling the report's; the report, its audit entry and its event commit together.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public IncidentView report(ReportCommand c) {
        ListLimit.require("personIds", c.personIds(), MAX_PERSONS);
        Caller me = caller.get();
        List<FieldProblem> problems = new ArrayList<>();
        IncidentKind kind = required(IncidentKind.class, "kind", c.kind(), problems);
        boolean anonymous = Boolean.TRUE.equals(c.anonymous());
        if (anonymous && kind != null && kind != IncidentKind.NEAR_MISS) {
            problems.add(new FieldProblem("anonymous", "only near misses may be reported anonymously"));
        }
        Instant now = clock.instant();
        if (c.occurredAt() == null) {
            problems.add(new FieldProblem("occurredAt", "is required"));
        } else if (c.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("occurredAt", "must not be in the future"));
        }
        String description = text(c.description());
        if (description == null) {
            problems.add(new FieldProblem("description", "is required: say what happened"));
        } else if (description.length() > TEXT_MAX) {
            problems.add(new FieldProblem("description", "must be at most " + TEXT_MAX + " characters"));
        }
        Mechanism mechanism = optional(Mechanism.class, "mechanism", c.mechanism(), problems);
        BodyRegion bodyRegion = optional(BodyRegion.class, "bodyRegion", c.bodyRegion(), problems);
        Cause cause = optional(Cause.class, "cause", c.cause(), problems);
        Outcome outcome = optional(Outcome.class, "outcome", c.outcome(), problems);
        ActivityType activity = null;
        if (text(c.activityType()) != null) {
            activity = ActivityType.parse(c.activityType()).orElse(null);
            if (activity == null) {
                problems.add(new FieldProblem("activityType", "is not a known activity type"));
            }
        }
        days("restrictedDays", c.restrictedDays(), outcome, Outcome.RESTRICTED_DUTY, problems);
        days("lostDays", c.lostDays(), outcome, Outcome.LOST_DUTY, problems);
        if ((c.lat() == null) != (c.lon() == null)) {
            problems.add(new FieldProblem(c.lat() == null ? "lat" : "lon", "give both coordinates or neither"));
        } else if (c.lat() != null && (c.lat() < -90 || c.lat() > 90 || c.lon() < -180 || c.lon() > 180)) {
            problems.add(new FieldProblem("lat", "coordinates must be WGS 84 decimal degrees"));
        }
        String placeName = text(c.place());
        if (placeName != null && placeName.length() > 500) {
            problems.add(new FieldProblem("place", "must be at most 500 characters"));
        }
        for (String[] t : new String[][] {{"diagnosis", c.diagnosis()}, {"outcomeNarrative", c.outcomeNarrative()}}) {
            if (t[1] != null && t[1].length() > TEXT_MAX) {
                problems.add(new FieldProblem(t[0], "must be at most " + TEXT_MAX + " characters"));
            }
        }
        List<Long> persons = c.personIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(c.personIds().stream().filter(Objects::nonNull).toList()));
        if (anonymous && !persons.isEmpty()) {
            problems.add(new FieldProblem("personIds", "an anonymous report names no one"));
        }
        Place place = place(c, me, anonymous, problems);
        if (place != null && c.unitId() == null && text(c.unitCode()) == null && placeName == null && c.lat() == null
                && text(c.regionCode()) == null) {
            problems.add(new FieldProblem("place", "say where it happened: a unit, a place or coordinates"));
        }
        if (!anonymous && !persons.isEmpty()) {
            // one query for all of them (never one per id), limited to the members the reporter may see
            Set<Long> known = members.contacts(persons).stream().map(MemberContact::id).collect(Collectors.toSet());
            persons.stream().filter(id -> !known.contains(id)).limit(20).forEach(id ->
                    problems.add(FieldProblem.of("personIds", "incident.person.unknown", id)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean serious = outcome != null && outcome.serious();
        LocalDate occurredOn = LocalDate.ofInstant(c.occurredAt(), KAZAKHSTAN);
        IncidentRepository.NewIncident incident = new IncidentRepository.NewIncident(kind, c.occurredAt(), occurredOn,
                place.unitId(), place.unitCode(), place.unitName(), place.orgPath(), place.regionCode(), placeName, c.lat(),
                c.lon(), description, persons, mechanism, bodyRegion, cause, activity, outcome, c.restrictedDays(),
                c.lostDays(), text(c.diagnosis()), text(c.outcomeNarrative()), serious, anonymous,
                anonymous ? null : me.username(), now);
        return writing.execute(status -> {
            long id = repository.insert(incident);
            String details = kind + (serious ? " serious " + outcome : "") + (persons.isEmpty() ? "" : " persons " + persons);
            if (anonymous) {
                Anonymously.run(() -> audit.record("INCIDENT_REPORT", "incident", Long.toString(id), place.orgPath(), null,
                        details + " (anonymous)"));
            } else {
                audit.record("INCIDENT_REPORT", "incident", Long.toString(id), place.orgPath(), null, details);
            }
            events.publishEvent(new IncidentReported(id, kind, outcome, serious, place.unitId(), place.orgPath(), occurredOn));
            return visible(repository.find(id).orElseThrow(), me, persons);
        });
    }

    /** The incident as the caller may see it; 404 when they may not see it at all. */
    public IncidentView find(long id) {
        Caller me = caller.get();
        IncidentRepository.Access access = readable(id, me);
        IncidentView view = repository.find(id).orElseThrow(() -> notFound(id));
        boolean details = Confidentiality.mayRead(me, Sensitivity.MEDICAL, access.orgPath(), subject(me, access.personIds()));
        audit.record("INCIDENT_READ", "incident", Long.toString(id), access.orgPath(), null,
                details ? "with injury details" : "without injury details");
        return visible(view, me, access.personIds());
    }

    /** Incidents the caller may see, newest first. */
    public List<IncidentSummary> search(IncidentSearch search) {
        Caller me = caller.get();
        int limit = search.limit() <= 0 ? IncidentSearch.DEFAULT_LIMIT : Math.min(search.limit(), IncidentSearch.MAX_LIMIT);
        List<IncidentSummary> found = repository.search(search, me.scopeFor(READERS), me.memberId(), me.username(), limit);
        audit.record("INCIDENT_SEARCH", "incident", null, me.scopeFor(READERS).commonPath(), null,
                "status=" + search.status() + " kind=" + search.kind() + " from=" + search.from() + " to=" + search.to()
                        + " rows=" + found.size());
        return found;
    }

    public IncidentView startInvestigation(long id, String actor) {
        Incident incident = writable(id);
        repository.apply(incident, incident.startInvestigation(actor, clock.instant()));
        audit.record("INCIDENT_INVESTIGATE", "incident", Long.toString(id), orgPath(id), null, "investigator " + actor);
        return find(id);
    }

    public IncidentView addAction(long id, ActionCommand command, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        String description = text(command.description());
        String owner = text(command.owner());
        if (description == null) {
            problems.add(new FieldProblem("description", "is required"));
        } else if (description.length() > TEXT_MAX) {
            problems.add(new FieldProblem("description", "must be at most " + TEXT_MAX + " characters"));
        }
        if (owner == null) {
            problems.add(new FieldProblem("owner", "is required: who sees it done"));
        }
        if (command.dueOn() == null) {
            problems.add(new FieldProblem("dueOn", "is required"));
        } else if (command.dueOn().isBefore(today())) {
            problems.add(new FieldProblem("dueOn", "must not be in the past"));
        }
        Incident incident = writable(id);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        repository.apply(incident, incident.addAction(description, owner, command.dueOn(), actor, clock.instant()));
        audit.record("INCIDENT_ACTION_ADD", "incident", Long.toString(id), orgPath(id), null,
                "owner " + owner + " due " + command.dueOn());
        return find(id);
    }

    public IncidentView completeAction(long id, long actionId, String actor) {
        Incident incident = writable(id);
        repository.apply(incident, incident.completeAction(actionId, today(), actor));
        audit.record("INCIDENT_ACTION_DONE", "incident", Long.toString(id), orgPath(id), null, "action " + actionId);
        return find(id);
    }

    public IncidentView close(long id, String review, String actor) {
        Incident incident = writable(id);
        if (review != null && review.length() > TEXT_MAX) {
            throw InvalidInputException.of("review", "must be at most " + TEXT_MAX + " characters");
        }
        repository.apply(incident, incident.close(review, actor, clock.instant()));
        audit.record("INCIDENT_CLOSE", "incident", Long.toString(id), orgPath(id), null, null);
        return find(id);
    }

    /** May the caller investigate and close this incident? For pages that offer the buttons. */
    public boolean mayInvestigate(long id) {
        return repository.access(id).map(a -> caller.get().scopeFor(INVESTIGATORS).covers(a.orgPath())).orElse(false);
    }

    /**
     * Injuries (injury, heat or cold injury) of a member in the 12 months before today, newest first, for the
     * individual risk flags. The member is looked up through the registry (scoped, audited).
     */
    public List<InjuryRecord> injuriesInLast12Months(long memberId) {
        Member member = members.find(memberId);
        List<InjuryRecord> injuries = repository.injuriesOf(memberId, today().minusMonths(12));
        audit.record("INCIDENT_MEMBER_INJURIES", "member", Long.toString(memberId), member.orgPath(), null,
                "last 12 months: " + injuries.size());
        return injuries;
    }

    /** Whether the member ever had a heat or cold injury (a risk flag for hot and cold seasons). */
    public boolean previousHeatOrColdInjury(long memberId) {
        Member member = members.find(memberId);
        boolean had = repository.hadHeatOrColdInjury(memberId);
        audit.record("INCIDENT_MEMBER_INJURIES", "member", Long.toString(memberId), member.orgPath(), null,
                "previous heat or cold injury: " + had);
        return had;
    }

    private IncidentView visible(IncidentView view, Caller me, List<Long> persons) {
        String path = orgPath(view.id());
        IncidentView shown = Confidentiality.redact(view, me, path, subject(me, persons));
        return me.scopeFor(READERS).covers(path) ? shown : withoutNotices(shown);
    }

    private static IncidentView withoutNotices(IncidentView v) {
        return new IncidentView(v.id(), v.kind(), v.status(), v.occurredAt(), v.occurredOn(), v.unitId(), v.unitCode(),
                v.unitName(), v.regionCode(), v.place(), v.lat(), v.lon(), v.description(), v.personIds(), v.mechanism(),
                v.bodyRegion(), v.cause(), v.activityType(), v.outcome(), v.restrictedDays(), v.lostDays(), v.diagnosis(),
                v.outcomeNarrative(), v.serious(), v.anonymous(), v.reportedBy(), v.reportedAt(), v.investigator(),
                v.review(), v.closedBy(), v.closedAt(), v.actions(), List.of(), v.version());
    }

    private String orgPath(long id) {
        return repository.access(id).orElseThrow(() -> notFound(id)).orgPath();
    }

    private static Long subject(Caller me, List<Long> persons) {
        return me.memberId() != null && persons.contains(me.memberId()) ? me.memberId() : null;
    }

    private IncidentRepository.Access readable(long id, Caller me) {
        IncidentRepository.Access access = repository.access(id).orElseThrow(() -> notFound(id));
        boolean staff = me.scopeFor(READERS).covers(access.orgPath());
        boolean involved = me.memberId() != null && access.personIds().contains(me.memberId());
        boolean reporter = access.reportedBy() != null && access.reportedBy().equals(me.username());
        if (!staff && !involved && !reporter) {
            throw notFound(id);
        }
        return access;
    }

    private Incident writable(long id) {
        Caller me = caller.get();
        IncidentRepository.Access access = readable(id, me);
        if (!me.scopeFor(INVESTIGATORS).covers(access.orgPath())) {
            throw new ForbiddenException("Only a commander, safety officer or administrator over the incident's unit "
                    + "may investigate, set corrective actions or close it");
        }
        return repository.lock(id).orElseThrow(() -> notFound(id));
    }

    private Place place(ReportCommand c, Caller me, boolean anonymous, List<FieldProblem> problems) {
        String code = text(c.unitCode());
        Region region = null;
        if (text(c.regionCode()) != null) {
            region = org.region(c.regionCode()).orElse(null);
            if (region == null) {
                problems.add(new FieldProblem("regionCode", "is not a known region code (see /api/regions)"));
                return null;
            }
        }
        if (c.unitId() != null || code != null) {
            Optional<Unit> unit = c.unitId() != null ? visibleUnit(c.unitId()) : org.unitByCode(code);
            if (unit.isPresent()) {
                Unit u = unit.get();
                if (region != null && !region.code().equals(u.regionCode())) {
                    problems.add(new FieldProblem("regionCode", "the unit is in region " + u.regionCode()));
                }
                return new Place(u.id(), u.code(), u.name(), u.orgPath(), u.regionCode());
            }
            // a member reporting from their own unit, which members cannot otherwise look up
            if (!anonymous && me.memberId() != null) {
                Member self = members.self();
                if (self.unitId() != null && (self.unitId().equals(c.unitId()) || self.unitCode().equalsIgnoreCase(
                        Objects.requireNonNullElse(code, "")))) {
                    return new Place(self.unitId(), self.unitCode(), self.unitName(), self.orgPath(), self.regionCode());
                }
            }
            problems.add(new FieldProblem(c.unitId() != null ? "unitId" : "unitCode",
                    anonymous ? "is not a unit you can see; for an anonymous report give the region and the place instead"
                            : "is not a unit in your area"));
            return null;
        }
        if (region != null) {
            return new Place(null, null, null, region.code() + "/", region.code());
        }
        if (!anonymous && me.memberId() != null) {
            Member self = members.self();
            return new Place(self.unitId(), self.unitCode(), self.unitName(), self.orgPath(), self.regionCode());
        }
        problems.add(new FieldProblem("regionCode", "give the unit or the region where it happened"));
        return null;
    }

    private Optional<Unit> visibleUnit(long id) {
        try {
            return Optional.of(org.unit(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static void days(String field, Integer days, Outcome outcome, Outcome needed, List<FieldProblem> problems) {
        if (days == null) {
            return;
        }
        if (days < 0 || days > 3650) {
            problems.add(new FieldProblem(field, "must be between 0 and 3650"));
        } else if (outcome == null || outcome.compareTo(needed) < 0) {
            problems.add(new FieldProblem(field, "is only for an outcome of " + needed + " or worse"));
        }
    }

    private static <E extends Enum<E>> E required(Class<E> type, String field, String value, List<FieldProblem> problems) {
        if (text(value) == null) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return optional(type, field, value, problems);
    }

    private static <E extends Enum<E>> E optional(Class<E> type, String field, String value, List<FieldProblem> problems) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("No incident " + id);
    }
}
