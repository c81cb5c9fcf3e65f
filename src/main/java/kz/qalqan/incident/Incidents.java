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
import kz.qalqan.shared.GeoPoint;
import kz.qalqan.shared.Refusal;
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
    /** An empty required field (the platform's text, shared by every form). */
    private static final String REQUIRED = "error.required";
    private static final String TOO_LONG = "incident.text.tooLong";
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
        IncidentKind kind = required(IncidentKind.class, "kind", c.kind(), "incident.error.kind", problems);
        boolean anonymous = Boolean.TRUE.equals(c.anonymous());
        if (anonymous && kind != null && kind != IncidentKind.NEAR_MISS) {
            problems.add(FieldProblem.of("anonymous", "incident.error.anonymous"));
        }
        Instant now = clock.instant();
        if (c.occurredAt() == null) {
            problems.add(FieldProblem.of("occurredAt", REQUIRED));
        } else if (c.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(FieldProblem.of("occurredAt", "incident.occurredAt.future"));
        }
        String description = text(c.description());
        if (description == null) {
            problems.add(FieldProblem.of("description", "incident.description.required"));
        } else if (description.length() > TEXT_MAX) {
            problems.add(FieldProblem.of("description", TOO_LONG, TEXT_MAX));
        }
        Mechanism mechanism = optional(Mechanism.class, "mechanism", c.mechanism(), "incident.error.mechanism", problems);
        BodyRegion bodyRegion = optional(BodyRegion.class, "bodyRegion", c.bodyRegion(), "incident.error.bodyRegion", problems);
        Cause cause = optional(Cause.class, "cause", c.cause(), "incident.error.cause", problems);
        Outcome outcome = optional(Outcome.class, "outcome", c.outcome(), "incident.error.outcome", problems);
        ActivityType activity = null;
        if (text(c.activityType()) != null) {
            activity = ActivityType.parse(c.activityType()).orElse(null);
            if (activity == null) {
                problems.add(FieldProblem.of("activityType", "incident.error.activityType"));
            }
        }
        days("restrictedDays", c.restrictedDays(), outcome, Outcome.RESTRICTED_DUTY, "incident.error.restrictedDays", problems);
        days("lostDays", c.lostDays(), outcome, Outcome.LOST_DUTY, "incident.error.lostDays", problems);
        if ((c.lat() == null) != (c.lon() == null)) {
            problems.add(FieldProblem.of(c.lat() == null ? "lat" : "lon", "incident.coordinates.together"));
        } else if (c.lat() != null) {
            Refusal lat = GeoPoint.latitudeProblem(c.lat());
            Refusal lon = GeoPoint.longitudeProblem(c.lon());
            if (lat != null) {
                problems.add(FieldProblem.of("lat", lat.code(), lat.argsArray()));
            }
            if (lon != null) {
                problems.add(FieldProblem.of("lon", lon.code(), lon.argsArray()));
            }
        }
        String placeName = text(c.place());
        if (placeName != null && placeName.length() > 500) {
            problems.add(FieldProblem.of("place", TOO_LONG, 500));
        }
        for (String[] t : new String[][] {{"diagnosis", c.diagnosis()}, {"outcomeNarrative", c.outcomeNarrative()}}) {
            if (t[1] != null && t[1].length() > TEXT_MAX) {
                problems.add(FieldProblem.of(t[0], TOO_LONG, TEXT_MAX));
            }
        }
        List<Long> persons = c.personIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(c.personIds().stream().filter(Objects::nonNull).toList()));
        if (anonymous && !persons.isEmpty()) {
            problems.add(FieldProblem.of("personIds", "incident.anonymous.namesSomeone"));
        }
        Place place = place(c, me, anonymous, problems);
        if (place != null && c.unitId() == null && text(c.unitCode()) == null && placeName == null && c.lat() == null
                && text(c.regionCode()) == null) {
            problems.add(FieldProblem.of("place", "incident.error.place"));
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
            problems.add(FieldProblem.of("description", REQUIRED));
        } else if (description.length() > TEXT_MAX) {
            problems.add(FieldProblem.of("description", TOO_LONG, TEXT_MAX));
        }
        if (owner == null) {
            problems.add(FieldProblem.of("owner", "incident.error.owner"));
        }
        if (command.dueOn() == null) {
            problems.add(FieldProblem.of("dueOn", REQUIRED));
        } else if (command.dueOn().isBefore(today())) {
            problems.add(FieldProblem.of("dueOn", "incident.error.dueOn"));
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
            throw InvalidInputException.coded("review", TOO_LONG, TEXT_MAX);
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
            throw ForbiddenException.coded("incident.investigate.forbidden");
        }
        return repository.lock(id).orElseThrow(() -> notFound(id));
    }

    private Place place(ReportCommand c, Caller me, boolean anonymous, List<FieldProblem> problems) {
        String code = text(c.unitCode());
        Region region = null;
        if (text(c.regionCode()) != null) {
            region = org.region(c.regionCode()).orElse(null);
            if (region == null) {
                problems.add(FieldProblem.of("regionCode", "incident.region.unknown", c.regionCode().trim()));
                return null;
            }
        }
        if (c.unitId() != null || code != null) {
            Optional<Unit> unit = c.unitId() != null ? visibleUnit(c.unitId()) : org.unitByCode(code);
            if (unit.isPresent()) {
                Unit u = unit.get();
                if (region != null && !region.code().equals(u.regionCode())) {
                    problems.add(FieldProblem.of("regionCode", "incident.region.unitElsewhere", u.regionCode()));
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
            problems.add(FieldProblem.of(c.unitId() != null ? "unitId" : "unitCode",
                    anonymous ? "incident.unit.notVisibleAnonymous" : "incident.unit.notInArea"));
            return null;
        }
        if (region != null) {
            return new Place(null, null, null, region.code() + "/", region.code());
        }
        if (!anonymous && me.memberId() != null) {
            Member self = members.self();
            return new Place(self.unitId(), self.unitCode(), self.unitName(), self.orgPath(), self.regionCode());
        }
        problems.add(FieldProblem.of("regionCode", "incident.error.regionCode"));
        return null;
    }

    private Optional<Unit> visibleUnit(long id) {
        try {
            return Optional.of(org.unit(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Duty days: 0–3650, and only with an outcome of {@code needed} or worse ({@code code} says both). */
    private static void days(String field, Integer days, Outcome outcome, Outcome needed, String code,
                             List<FieldProblem> problems) {
        if (days == null) {
            return;
        }
        if (days < 0 || days > 3650 || outcome == null || outcome.compareTo(needed) < 0) {
            problems.add(FieldProblem.of(field, code));
        }
    }

    /** A value of {@code type} that must be given; missing or unknown, it is refused with {@code choose}. */
    private static <E extends Enum<E>> E required(Class<E> type, String field, String value, String choose,
                                                  List<FieldProblem> problems) {
        if (text(value) == null) {
            problems.add(FieldProblem.of(field, choose));
            return null;
        }
        return optional(type, field, value, choose, problems);
    }

    /** The value of {@code type} named by {@code value}; a name that is none of them is refused with {@code unknown}. */
    private static <E extends Enum<E>> E optional(Class<E> type, String field, String value, String unknown,
                                                  List<FieldProblem> problems) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, unknown));
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
