package kz.qalqan.emergency.accountability;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.accountability.internal.AccountabilityRepository;
import kz.qalqan.emergency.internal.EmergencyRepository;
import kz.qalqan.notification.Channel;
import kz.qalqan.notification.Enqueued;
import kz.qalqan.notification.Notice;
import kz.qalqan.notification.Notifications;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.Member;
import kz.qalqan.registry.MemberContact;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Placements;
import kz.qalqan.registry.Region;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.GeoPoint;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accountability of the people in an emergency's area (issue 6, scope 4). When an emergency is declared or its
 * area revised, every ACTIVE member whose home (the last known location the registry holds) or region/district is in
 * the area goes on the roll as UNKNOWN. Members report themselves (signed in, or through the one-tap link of a
 * status check); coordinators over the emergency and commanders over the member report on their behalf, recorded as
 * such. Only staff report a member MISSING. NEEDS_ASSISTANCE opens an assistance case. Watchers see the roll-up of
 * their subtree. Every read and report is audited.
 */
@Service
@Transactional
public class Accountability {

    /** Who reports on a member's behalf and works assistance cases (over the member's place in the tree). */
    public static final Role[] STAFF = {Role.ADMIN, Role.EMERGENCY_COORDINATOR, Role.COMMANDER};

    /** Status checks expect an answer within this long before the notification module escalates the silence. */
    static final Duration ANSWER_WITHIN = Duration.ofHours(1);

    private static final int UNACCOUNTED_LIMIT = 500;
    private static final int POINT_LIMIT = 2_000;
    private static final int CASE_LIMIT = 500;
    private static final double KM_PER_DEGREE = 6371.0088 * Math.PI / 180;

    private final AccountabilityRepository repository;
    private final EmergencyRepository emergencyRows;
    private final Emergencies emergencies;
    private final Placements placements;
    private final MemberDirectory members;
    private final OrgStructure org;
    private final Notifications notifications;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accountability(AccountabilityRepository repository, EmergencyRepository emergencyRows, Emergencies emergencies,
                   Placements placements, MemberDirectory members, OrgStructure org, Notifications notifications,
                   CurrentCaller caller, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.emergencyRows = emergencyRows;
        this.emergencies = emergencies;
        this.placements = placements;
        this.members = members;
        this.org = org;
        this.notifications = notifications;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- the roll ------------------------------------------------------------------------------------------------

    /**
     * Puts everyone living in the emergency's area on its roll (a system step, run by the listener after a
     * declaration or revision). Members a revision moved out keep their reports. Answers how many were added.
     */
    public int enrol(long emergencyId) {
        repository.holdEmergency(emergencyId);
        Emergency emergency = emergencyRows.find(emergencyId).orElseThrow(() -> new NotFoundException("No emergency " + emergencyId));
        EmergencyArea area = emergency.area();
        List<Placements.Resident> inside = new ArrayList<>();
        placements.eachResident(area.regionCodes(), area.districtIds(), boxes(area), r -> {
            GeoPoint home = r.lat() == null || r.lon() == null ? null : new GeoPoint(r.lat(), r.lon());
            if (area.contains(home, r.regionCode(), r.districtId())) {
                inside.add(r);
            }
        });
        audit.record("ACCOUNTABILITY_ENROL", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "in area=" + inside.size());
        Instant now = clock.instant();
        int added = repository.enrol(emergencyId, inside, now);
        repository.changed(emergencyId, now);
        return added;
    }

    /** Boxes around the circles and polygons, so that the registry query reads only the members near them. */
    static List<Placements.Box> boxes(EmergencyArea area) {
        List<Placements.Box> boxes = new ArrayList<>();
        for (EmergencyArea.Circle c : area.circles()) {
            // a degree of latitude on the haversine's sphere, with 1 % to spare; the widest longitude span of the
            // circle lies poleward of its centre, so take the cosine there
            double dLat = c.radiusKm() / KM_PER_DEGREE * 1.01;
            double poleward = Math.min(89, Math.abs(c.center().lat()) + dLat);
            double cos = Math.max(0.01, Math.cos(Math.toRadians(poleward)));
            double dLon = c.radiusKm() / (KM_PER_DEGREE * cos) * 1.01;
            boxes.add(new Placements.Box(c.center().lat() - dLat, c.center().lon() - dLon, c.center().lat() + dLat,
                    c.center().lon() + dLon));
        }
        for (List<GeoPoint> ring : area.polygons()) {
            if (ring.isEmpty()) {
                continue;
            }
            double minLat = ring.stream().mapToDouble(GeoPoint::lat).min().orElseThrow();
            double maxLat = ring.stream().mapToDouble(GeoPoint::lat).max().orElseThrow();
            double minLon = ring.stream().mapToDouble(GeoPoint::lon).min().orElseThrow();
            double maxLon = ring.stream().mapToDouble(GeoPoint::lon).max().orElseThrow();
            boxes.add(new Placements.Box(minLat, minLon, maxLat, maxLon));
        }
        return boxes;
    }

    // ---- reports -------------------------------------------------------------------------------------------------

    /** The signed-in member reports their own status. */
    public AccountabilityEntry reportSelf(long emergencyId, StatusReport report) {
        repository.holdEmergency(emergencyId);
        Caller me = caller.get();
        if (me.memberId() == null) {
            throw new NotFoundException("Your account is not linked to a member record");
        }
        Emergency emergency = emergencyRows.find(emergencyId).orElseThrow(() -> notOnRoll(emergencyId));
        AccountabilityEntry entry = repository.find(emergencyId, me.memberId()).orElseThrow(() -> notOnRoll(emergencyId));
        return record(emergency, entry, report, me.username(), false, "SELF");
    }

    /** The member behind a status-check link reports their status (no sign-in: the signed link is the permission). */
    public AccountabilityEntry reportByLink(String token, StatusReport report) {
        Notifications.LinkTarget link = statusCheck(token);
        long emergencyId = emergencyOf(link);
        repository.holdEmergency(emergencyId);
        Emergency emergency = emergencyRows.find(emergencyId).orElseThrow(Accountability::invalidLink);
        // status checks go only to members on the roll, and a row once there stays
        AccountabilityEntry entry = repository.find(emergencyId, link.memberId()).orElseThrow(Accountability::invalidLink);
        return record(emergency, entry, report, "member:" + link.memberId(), false, "LINK");
    }

    /**
     * What the status-check page shows: the message, the emergency and the member's current status. Every opening of
     * the public link is audited ({@code ACCOUNTABILITY_LINK_OPEN}).
     */
    @Transactional
    public LinkView linkView(String token) {
        Notifications.LinkTarget link = statusCheck(token);
        long emergencyId = emergencyOf(link);
        Emergency emergency = emergencyRows.find(emergencyId).orElseThrow(Accountability::invalidLink);
        audit.record("ACCOUNTABILITY_LINK_OPEN", "member", Long.toString(link.memberId()), link.orgPath(), null,
                "emergency " + emergencyId + " message " + link.messageId());
        Optional<AccountabilityEntry> entry = repository.find(emergencyId, link.memberId());
        return new LinkView(link.language(), link.subject(), link.body(), emergency.title(),
                entry.map(AccountabilityEntry::status).orElse(AccountabilityStatus.UNKNOWN),
                entry.map(AccountabilityEntry::note).orElse(null), emergency.status().isOpen());
    }

    /** The status-check page's view of a link. */
    public record LinkView(String language, String subject, String body, String emergencyTitle,
                           AccountabilityStatus status, String note, boolean open) {
    }

    /**
     * Staff report a member's status on their behalf: coordinators, and commanders over the member. A member not
     * on the roll (someone from elsewhere seen in the area) is added to it.
     */
    public AccountabilityEntry reportOnBehalf(long emergencyId, long memberId, StatusReport report) {
        repository.holdEmergency(emergencyId);
        Emergency emergency = emergencies.find(emergencyId);
        Optional<AccountabilityEntry> existing = repository.find(emergencyId, memberId);
        String orgPath;
        if (existing.isPresent()) {
            orgPath = existing.get().orgPath();
            if (!caller.get().scopeFor(Emergencies.WATCHERS).covers(orgPath)) {
                throw new NotFoundException("No member " + memberId + " on the roll of emergency " + emergencyId);
            }
        } else {
            orgPath = members.find(memberId).orgPath(); // scoped: out of scope is 404
        }
        if (!caller.get().scopeFor(STAFF).covers(orgPath)) {
            throw ForbiddenException.coded("accountability.onBehalf.staffOnly");
        }
        AccountabilityEntry entry = existing.orElseGet(() -> {
            Member m = members.find(memberId);
            repository.addOutsider(emergencyId, memberId, m.orgPath(), m.regionCode(), m.unitId(), m.districtId(),
                    m.lat(), m.lon(), clock.instant());
            return repository.find(emergencyId, memberId).orElseThrow();
        });
        return record(emergency, entry, report, caller.get().username(), true, "STAFF");
    }

    private AccountabilityEntry record(Emergency emergency, AccountabilityEntry entry, StatusReport report,
                                       String reportedBy, boolean onBehalf, String via) {
        if (report == null || report.status() == null || report.status() == AccountabilityStatus.UNKNOWN) {
            throw InvalidInputException.coded("status", "accountability.report.statusRequired");
        }
        if (report.status() == AccountabilityStatus.MISSING && !onBehalf) {
            throw ForbiddenException.coded("accountability.report.missingByStaff");
        }
        String note = report.note() == null || report.note().isBlank() ? null : report.note().strip();
        if (note != null && note.length() > 1000) {
            throw InvalidInputException.coded("note", "accountability.text.tooLong", 1000);
        }
        if (!emergency.status().isOpen()) {
            throw ConflictException.coded("status", "accountability.report.ended", emergency.id(), emergency.status().name());
        }
        // lock order everywhere here: the emergency's row (holdEmergency), the audit chain's head, then our rows
        audit.record("ACCOUNTABILITY_REPORT", "member", Long.toString(entry.memberId()), entry.orgPath(), null,
                "emergency " + emergency.id() + " " + report.status() + " via " + via + (onBehalf ? " on behalf" : "")
                        + (report.status() == AccountabilityStatus.NEEDS_ASSISTANCE ? " (assistance case opened)" : ""));
        Instant now = clock.instant();
        repository.report(emergency.id(), entry.memberId(), entry.orgPath(), report.status(), note, reportedBy, onBehalf,
                via, now);
        if (report.status() == AccountabilityStatus.NEEDS_ASSISTANCE) {
            repository.openCase(emergency.id(), entry.memberId(), entry.orgPath(), note, now);
        }
        repository.changed(emergency.id(), now);
        // status checks sent to the member are answered now, whichever way the report came: no escalation of them
        List<String> keys = new ArrayList<>();
        for (int round = repository.asks(emergency.id()); round > 0; round--) {
            keys.add(askKey(emergency.id(), round) + ":" + entry.memberId());
        }
        notifications.answeredElsewhere(keys, report.status().name(), "ACCOUNTABILITY_" + via);
        events.publishEvent(new AccountabilityReported(emergency.id(), entry.memberId(), entry.orgPath(), report.status(),
                onBehalf));
        return repository.find(emergency.id(), entry.memberId()).orElseThrow();
    }

    /** One member's current status and every report about them (watchers over the member). */
    public Map<String, Object> member(long emergencyId, long memberId) {
        Emergency emergency = emergencies.find(emergencyId);
        AccountabilityEntry entry = repository.find(emergencyId, memberId)
                .filter(e -> caller.get().scopeFor(Emergencies.WATCHERS).covers(e.orgPath()))
                .orElseThrow(() -> new NotFoundException("No member " + memberId + " on the roll of emergency " + emergencyId));
        audit.record("ACCOUNTABILITY_READ", "member", Long.toString(memberId), entry.orgPath(), null,
                "emergency " + emergency.id());
        return Map.of("current", entry, "history", repository.history(emergencyId, memberId));
    }

    // ---- status checks -------------------------------------------------------------------------------------------

    /**
     * A coordinator asks everyone on the roll who is still UNKNOWN (in their scope) how they are: one message each,
     * in their language, with a one-tap link to the status page. Each ask is a round with its own idempotency key
     * ({@code accountability:<emergency>:<round>}); a report, however made, answers the member's messages of every
     * round so that the notification module does not escalate them.
     */
    public Enqueued askEveryone(long emergencyId, List<Channel> channels) {
        repository.holdEmergency(emergencyId);
        Emergency emergency = emergencies.find(emergencyId);
        if (!emergencies.mayManage(emergency)) {
            throw ForbiddenException.coded("accountability.ask.coordinatorsOnly", emergency.orgPath());
        }
        Scope scope = caller.get().scopeFor(Emergencies.COORDINATORS);
        List<Long> ids = repository.unknown(emergencyId, scope, Integer.MAX_VALUE);
        List<Channel> using = channels == null || channels.isEmpty() ? List.of(Channel.SMS, Channel.EMAIL) : channels;
        audit.record("ACCOUNTABILITY_ASK", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "unknown=" + ids.size() + " channels=" + using);
        int round = repository.nextAsk(emergencyId, clock.instant());
        Notice notice = new Notice("accountability", Map.of("title", emergency.title()), using,
                askKey(emergencyId, round), correlationOf(emergencyId), true, ANSWER_WITHIN);
        return notifications.enqueue(notice, ids);
    }

    static String askKey(long emergencyId, int round) {
        return "accountability:" + emergencyId + ":" + round;
    }

    /** The correlation id of an emergency's status checks. */
    public static String correlationOf(long emergencyId) {
        return "accountability:" + emergencyId;
    }

    private Notifications.LinkTarget statusCheck(String token) {
        return notifications.linkTarget(token).filter(t -> Notifications.isStatusCheck(t.correlationId()))
                .orElseThrow(Accountability::invalidLink);
    }

    private static long emergencyOf(Notifications.LinkTarget link) {
        try {
            return Long.parseLong(link.correlationId().substring("accountability:".length()));
        } catch (NumberFormatException e) {
            throw invalidLink();
        }
    }

    // ---- the roll-up ---------------------------------------------------------------------------------------------

    /** The accountability of the emergency within the caller's subtree. */
    public RollUp rollUp(long emergencyId) {
        Emergency emergency = emergencies.find(emergencyId);
        Scope scope = caller.get().scopeFor(Emergencies.WATCHERS);
        Map<AccountabilityStatus, Long> byStatus = repository.countByStatus(emergencyId, scope);
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long unknown = byStatus.getOrDefault(AccountabilityStatus.UNKNOWN, 0L);
        long accounted = total - unknown;
        Instant reached = total == 0 ? null : repository.kthAccounted(emergencyId, scope, ninetyPercentOf(total));
        Long seconds = reached == null ? null : Math.max(0, Duration.between(emergency.declaredAt(), reached).toSeconds());

        List<RollUp.Group> regions = new ArrayList<>();
        Map<String, Region> regionByCode = org.regions().stream().collect(Collectors.toMap(Region::code, Function.identity()));
        repository.countBy(emergencyId, scope, "region_code").forEach((code, counts) -> {
            Region r = regionByCode.get(code);
            regions.add(group(code, r == null ? code : r.nameKk(), r == null ? code : r.nameRu(), r == null ? code : r.nameEn(), counts));
        });
        List<RollUp.Group> units = new ArrayList<>();
        repository.countBy(emergencyId, scope, "unit_id").forEach((id, counts) -> {
            String name = id.isEmpty() ? "" : placements.unit(Long.parseLong(id)).map(u -> u.code() + " " + u.name()).orElse(id);
            units.add(group(id, name, name, name, counts));
        });

        List<Long> unknownIds = repository.unknown(emergencyId, scope, UNACCOUNTED_LIMIT);
        Map<Long, MemberContact> contacts = members.contacts(unknownIds).stream()
                .collect(Collectors.toMap(MemberContact::id, Function.identity()));
        List<RollUp.Unaccounted> unaccounted = new ArrayList<>();
        for (Long id : unknownIds) {
            MemberContact c = contacts.get(id);
            if (c != null) {
                unaccounted.add(new RollUp.Unaccounted(id, c.fullName(), c.phone(), c.email(),
                        c.orgPath().length() >= 5 ? c.orgPath().substring(0, 5) : null, c.unitId()));
            }
        }
        List<RollUp.Point> points = repository.points(emergencyId, scope, POINT_LIMIT);
        long pointCount = points.size() < POINT_LIMIT ? points.size() : repository.pointCount(emergencyId, scope);
        List<AssistanceCase> cases = repository.cases(emergencyId, scope, CASE_LIMIT);
        audit.record("ACCOUNTABILITY_READ", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "roll-up total=" + total + " unaccounted listed=" + unaccounted.size());
        return new RollUp(emergencyId, emergency.declaredAt(), total, byStatus, accounted, percent(accounted, total),
                reached, seconds, regions, units, unaccounted, unknown, cases, points, pointCount - points.size(),
                repository.seq(emergencyId));
    }

    /** The smallest whole number of members that is at least 90 % of {@code total}. */
    static long ninetyPercentOf(long total) {
        return (total * 9 + 9) / 10;
    }

    private static RollUp.Group group(String key, String kk, String ru, String en, Map<AccountabilityStatus, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long accounted = total - counts.getOrDefault(AccountabilityStatus.UNKNOWN, 0L);
        return new RollUp.Group(key, kk, ru, en, total, counts, percent(accounted, total));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    /** The emergency's change counter, for a board's stream (the caller was checked when the stream opened). */
    @Transactional(readOnly = true)
    public long seq(long emergencyId) {
        return repository.seq(emergencyId);
    }

    // ---- assistance cases ----------------------------------------------------------------------------------------

    /** The assistance cases in the caller's subtree: open ones first. */
    public List<AssistanceCase> cases(long emergencyId) {
        Emergency emergency = emergencies.find(emergencyId);
        List<AssistanceCase> list = repository.cases(emergencyId, caller.get().scopeFor(Emergencies.WATCHERS), CASE_LIMIT);
        audit.record("ASSISTANCE_CASE_READ", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "cases=" + list.size());
        return list;
    }

    /** Assigns, starts, reopens or closes (with an outcome) an assistance case; staff over the member only. */
    public AssistanceCase updateCase(long emergencyId, long caseId, CaseUpdate update) {
        repository.holdEmergency(emergencyId);
        emergencies.find(emergencyId);
        AssistanceCase current = repository.lockCase(emergencyId, caseId)
                .filter(c -> caller.get().scopeFor(Emergencies.WATCHERS).covers(c.orgPath()))
                .orElseThrow(() -> new NotFoundException("No assistance case " + caseId + " in emergency " + emergencyId));
        if (!caller.get().scopeFor(STAFF).covers(current.orgPath())) {
            throw ForbiddenException.coded("accountability.case.staffOnly");
        }
        AssistanceCase.CaseStatus next = update == null || update.status() == null ? current.status() : update.status();
        String assignedTo = blankToNull(update == null ? null : update.assignedTo());
        String outcome = blankToNull(update == null ? null : update.outcome());
        if (assignedTo != null && assignedTo.length() > 200) {
            throw InvalidInputException.coded("assignedTo", "accountability.text.tooLong", 200);
        }
        if (outcome != null && outcome.length() > 1000) {
            throw InvalidInputException.coded("outcome", "accountability.text.tooLong", 1000);
        }
        if (current.status() == AssistanceCase.CaseStatus.CLOSED) {
            throw ConflictException.coded("status", "accountability.case.closed", caseId);
        }
        if (next == AssistanceCase.CaseStatus.CLOSED && outcome == null && current.outcome() == null) {
            throw InvalidInputException.coded("outcome", "accountability.case.outcomeRequired");
        }
        Instant now = clock.instant();
        repository.updateCase(caseId, next, assignedTo, outcome, now);
        repository.changed(emergencyId, now);
        audit.record("ASSISTANCE_CASE_UPDATE", "member", Long.toString(current.memberId()), current.orgPath(), null,
                "emergency " + emergencyId + " case " + caseId + " " + current.status() + " -> " + next
                        + (assignedTo == null ? "" : " assigned to " + assignedTo));
        return repository.lockCase(emergencyId, caseId).orElseThrow();
    }

    private static NotFoundException notOnRoll(long emergencyId) {
        return new NotFoundException("You are not on the accountability roll of emergency " + emergencyId);
    }

    private static NotFoundException invalidLink() {
        return new NotFoundException("This link is not valid or has expired");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
