package kz.qalqan.emergency.selection;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.CallUpOrdered;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.FatigueRules;
import kz.qalqan.platform.ConflictException;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.ListLimit;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.UnitType;
import kz.qalqan.shared.GeoPoint;
import kz.qalqan.shared.Scope;
import kz.qalqan.training.AcwrFlag;
import kz.qalqan.training.Qualification;
import kz.qalqan.training.Qualifications;
import kz.qalqan.training.TrainingLoads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Force selection (issue 6 item 2): finds the N nearest members who meet every constraint of
 * {@link SelectionPolicy} within a radius, ranks them by distance (to 100 m), then individual readiness, then how
 * many of the asked qualifications they hold, and stores the result for a coordinator to review and confirm.
 * Confirming orders the members to serve (activation rows, ORDERED) and publishes {@link CallUpOrdered}.
 * Coordinators over the emergency manage its selections; candidates are the members in the caller's own scope, and
 * every view of a stored selection (members, excluded, confirmation) holds only the members in the viewer's own scope
 * — a regional coordinator reading a national coordinator's selection sees their region's part of it. Every
 * selection, read and confirmation is audited.
 */
@Service
@Transactional
public class ForceSelection {

    public static final int MAX_COUNT = 5_000;
    public static final double MAX_RADIUS_KM = 1_000;
    /** Caps on the request's lists (refused with 400 beyond them); member lists are capped at {@link #MAX_COUNT}. */
    public static final int MAX_QUALIFICATIONS = 50;
    public static final int MAX_UNIT_TYPES = 20;
    public static final double DEFAULT_RADIUS_KM = 50;
    /** The most candidates one selection looks at (nearest first). */
    static final int MAX_SCAN = 100_000;
    /** The most excluded candidates stored per selection (nearest first); the count covers them all. */
    static final int MAX_EXCLUDED_STORED = 5_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String ACTIVATED = "activated";
    private static final String ACTIVATED_ELSEWHERE = "activatedElsewhere";

    private final Emergencies emergencies;
    private final CandidateIndex index;
    private final SelectionRepository repository;
    private final TrainingLoads loads;
    private final Qualifications qualifications;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final FatigueRules fatigue;
    private final Clock clock;

    ForceSelection(Emergencies emergencies, CandidateIndex index, SelectionRepository repository, TrainingLoads loads,
                   Qualifications qualifications, OrgStructure org, CurrentCaller caller, AuditTrail audit,
                   ApplicationEventPublisher events, MessageSource messages, FatigueRules fatigue, Clock clock) {
        this.emergencies = emergencies;
        this.index = index;
        this.repository = repository;
        this.loads = loads;
        this.qualifications = qualifications;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.fatigue = fatigue;
        this.clock = clock;
    }

    /** Runs and stores a selection for an open emergency the caller manages. */
    public Selection select(long emergencyId, SelectionRequest request) {
        List<FieldProblem> limits = new ArrayList<>();
        ListLimit.check("qualifications", request.qualifications(), MAX_QUALIFICATIONS).ifPresent(limits::add);
        ListLimit.check("unitTypes", request.unitTypes(), MAX_UNIT_TYPES).ifPresent(limits::add);
        ListLimit.check("overrideAcwr", request.overrideAcwr(), MAX_COUNT).ifPresent(limits::add);
        ListLimit.check("exemptions", request.exemptions(), MAX_COUNT).ifPresent(limits::add);
        if (!limits.isEmpty()) {
            throw new InvalidInputException(limits);
        }
        long started = System.nanoTime();
        Emergency emergency = emergencies.managed(emergencyId);
        if (!emergency.status().isOpen()) {
            throw ConflictException.coded("status", "selection.emergency.ended", emergency.status().name());
        }
        GeoPoint centre = check(request, emergency);
        double radius = request.radiusKm() == null ? DEFAULT_RADIUS_KM : request.radiusKm();
        int count = request.count();
        Scope scope = caller.get().scopeFor(Emergencies.COORDINATORS);
        CandidateIndex.Filter filter = new CandidateIndex.Filter(centre.lat(), centre.lon(), radius,
                scope.isEverything() ? null : scope.likePatterns(),
                request.qualifications().toArray(String[]::new), request.match() == SelectionRequest.Match.ALL,
                request.unitTypes().toArray(String[]::new));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Qualifications.KAZAKHSTAN);

        List<SelectionRepository.Ranked> eligible;
        List<SelectionRepository.Left> left;
        int scanned;
        int limit = Math.min(MAX_SCAN, count + count / 2 + 50);
        while (true) {
            List<Candidate> rows = index.nearest(filter, limit);
            eligible = new ArrayList<>();
            left = new ArrayList<>();
            Long[] ids = rows.stream().map(Candidate::memberId).toArray(Long[]::new);
            Set<Long> danger = new HashSet<>();
            loads.currentFlags(Arrays.asList(ids)).forEach((id, flag) -> {
                if (flag == AcwrFlag.DANGER) {
                    danger.add(id);
                }
            });
            SelectionPolicy.Context context = new SelectionPolicy.Context(today, now, fatigue, request.qualifications(),
                    request.match() == SelectionRequest.Match.ALL, new HashSet<>(request.exemptions()),
                    new HashSet<>(request.overrideAcwr()), repository.activations(ids),
                    repository.shifts(ids, now.minus(Duration.ofDays(7)).minus(fatigue.minRest())), danger);
            scanned = 0;
            for (Candidate c : rows) {
                double distance = EmergencyArea.distanceKm(centre, new GeoPoint(c.lat(), c.lon()));
                if (distance > radius) {
                    continue; // a corner of the search box
                }
                scanned++;
                SelectionPolicy.Verdict verdict = SelectionPolicy.evaluate(c, context);
                if (verdict.eligible()) {
                    eligible.add(new SelectionRepository.Ranked(0, c, distance, verdict));
                } else {
                    left.add(new SelectionRepository.Left(c, distance, verdict.reasons()));
                }
            }
            if (eligible.size() >= count || rows.size() < limit || limit >= MAX_SCAN) {
                break;
            }
            limit = (int) Math.min(MAX_SCAN, (long) limit * 4);
        }
        eligible.sort(Comparator
                .comparingLong((SelectionRepository.Ranked r) -> Math.round(r.distanceKm() * 10))
                .thenComparingInt(r -> SelectionPolicy.readinessOrder(r.verdict().readiness()))
                .thenComparing(r -> -r.verdict().skillsMatched())
                .thenComparingDouble(SelectionRepository.Ranked::distanceKm)
                .thenComparingLong(r -> r.candidate().memberId()));
        List<SelectionRepository.Ranked> ranked = new ArrayList<>(Math.min(count, eligible.size()));
        for (int i = 0; i < Math.min(count, eligible.size()); i++) {
            SelectionRepository.Ranked r = eligible.get(i);
            ranked.add(new SelectionRepository.Ranked(i + 1, r.candidate(), r.distanceKm(), r.verdict()));
        }
        double reach = ranked.size() < count ? radius
                : ranked.stream().mapToDouble(SelectionRepository.Ranked::distanceKm).max().orElse(radius);
        List<SelectionRepository.Left> out = left.stream().filter(l -> l.distanceKm() <= reach)
                .sorted(Comparator.comparingDouble(SelectionRepository.Left::distanceKm)).toList();
        List<SelectionRepository.Left> stored = out.size() > MAX_EXCLUDED_STORED ? out.subList(0, MAX_EXCLUDED_STORED) : out;
        String actor = caller.get().username();
        double elapsed = (System.nanoTime() - started) / 1e6;
        long id = repository.insert(emergencyId, emergency.orgPath(), request, centre.lat(), centre.lon(), radius,
                out.size(), scanned, actor, now, elapsed, ranked, stored);
        long overridden = ranked.stream().filter(r -> r.verdict().acwrOverride()).count();
        audit.record("SELECTION_CREATE", "emergency", Long.toString(emergencyId), emergency.orgPath(),
                request.overrideAcwr().isEmpty() ? null : request.reason().strip(),
                String.format(Locale.ROOT, "selection %d: %d of %d wanted within %.1f km of %.5f,%.5f; %s %s; units %s; "
                                + "%d excluded; %d ACWR overrides %s; exempted %s", id, ranked.size(), count, radius,
                        centre.lat(), centre.lon(), request.match(), request.qualifications(), request.unitTypes(),
                        out.size(), overridden, request.overrideAcwr(), request.exemptions()));
        // answered from memory: re-reading the 500 rows just written would cost a round trip for nothing
        List<Selection.Selected> members = ranked.stream().map(r -> new Selection.Selected(r.rank(),
                r.candidate().memberId(), r.candidate().name(), r.candidate().unitId(), r.candidate().unitName(),
                Math.round(r.distanceKm() * 10) / 10.0, r.verdict().readiness(), r.verdict().skillsMatched(),
                r.verdict().acwrOverride())).toList();
        return new Selection(id, emergencyId, "PROPOSED", request, centre.lat(), centre.lon(), radius, count,
                ranked.size(), out.size(), scanned, actor, now, Math.round(elapsed * 10) / 10.0, null, null, members);
    }

    /** A stored selection of an emergency the caller manages. */
    public Selection find(long emergencyId, long selectionId) {
        Emergency emergency = emergencies.managed(emergencyId);
        SelectionRepository.Header header = header(emergencyId, selectionId, false);
        audit.record("SELECTION_READ", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "selection " + selectionId);
        return view(header);
    }

    /** The emergency's latest selections, newest first, without their members. */
    public List<Selection> list(long emergencyId) {
        Emergency emergency = emergencies.managed(emergencyId);
        List<Selection> list = repository.list(emergencyId, 50).stream().map(h -> summary(h, List.of())).toList();
        audit.record("SELECTION_READ", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "list of " + list.size() + " selections");
        return list;
    }

    /** The candidates the selection left out, nearest first, each with its reasons in the caller's language. */
    public List<Selection.Excluded> excluded(long emergencyId, long selectionId) {
        Emergency emergency = emergencies.managed(emergencyId);
        header(emergencyId, selectionId, false);
        Locale locale = LocaleContextHolder.getLocale();
        List<SelectionRepository.Out> rows = repository.excluded(selectionId, viewing(), MAX_EXCLUDED_STORED);
        Map<String, Qualification> catalogue = qualifications.catalogue().stream()
                .collect(Collectors.toMap(Qualification::code, q -> q, (x, y) -> x));
        Map<Long, String> elsewhere = repository.emergencyPaths(rows.stream().flatMap(o -> o.reasons().stream())
                .filter(r -> r.code().equals(ACTIVATED) && r.args().size() > 1).map(r -> Long.valueOf(r.args().get(1)))
                .collect(Collectors.toSet()));
        List<Selection.Excluded> list = rows.stream()
                .map(o -> {
                    List<Reason> reasons = o.reasons().stream().map(r -> shown(r, elsewhere)).toList();
                    return new Selection.Excluded(o.memberId(), o.name(), o.unitId(), o.unitName(), o.distanceKm(),
                            reasons.stream().map(r -> text(r, locale, catalogue)).toList(),
                            reasons.stream().map(Reason::code).toList());
                })
                .toList();
        audit.record("SELECTION_READ", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "excluded of selection " + selectionId + ": " + list.size());
        return list;
    }

    /** The members a viewer of a selection may see: those in their own coordinator scope, whoever selected. */
    private Scope viewing() {
        return caller.get().scopeFor(Emergencies.COORDINATORS);
    }

    /**
     * "Already activated in …" names the other emergency only to a viewer who may watch it; anyone else reads that
     * the member is activated elsewhere.
     */
    private Reason shown(Reason reason, Map<Long, String> emergencyPaths) {
        if (!reason.code().equals(ACTIVATED) || reason.args().size() < 2) {
            return reason;
        }
        String path = emergencyPaths.get(Long.valueOf(reason.args().get(1)));
        return path != null && emergencies.mayWatch(path) ? reason : Reason.of(ACTIVATED_ELSEWHERE);
    }

    /**
     * Orders the selected members (all, or the given subset) to serve: activation rows ORDERED with each member's
     * org path, in one transaction; refused (409, naming them) when any of them was activated meanwhile.
     */
    public Selection confirm(long emergencyId, long selectionId, List<Long> memberIds) {
        ListLimit.require("memberIds", memberIds, MAX_COUNT);
        Emergency emergency = emergencies.managed(emergencyId);
        if (!emergency.status().isOpen()) {
            throw ConflictException.coded("status", "selection.emergency.endedCallUp", emergency.status().name());
        }
        SelectionRepository.Header header = header(emergencyId, selectionId, true);
        if (!header.status().equals("PROPOSED")) {
            throw ConflictException.coded("status", "selection.confirm.already", selectionId);
        }
        Map<Long, SelectionRepository.Member> members = repository.members(selectionId, viewing()).stream()
                .collect(Collectors.toMap(SelectionRepository.Member::memberId, m -> m, (a, b) -> a,
                        java.util.LinkedHashMap::new));
        List<Long> chosen;
        if (memberIds == null || memberIds.isEmpty()) {
            chosen = new ArrayList<>(members.keySet());
        } else {
            chosen = new ArrayList<>(new LinkedHashSet<>(memberIds));
            List<Long> unknown = chosen.stream().filter(id -> !members.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                throw InvalidInputException.coded("memberIds", "selection.confirm.notInSelection",
                        unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
        }
        if (chosen.isEmpty()) {
            throw ConflictException.coded("memberIds", "selection.confirm.nobody");
        }
        repository.lockActivations();
        Map<Long, SelectionPolicy.Activation> activated = repository.activations(chosen.toArray(Long[]::new));
        if (!activated.isEmpty()) {
            // the member ids only: the other emergency may lie outside what the coordinator may see
            throw ConflictException.coded("memberIds", "selection.confirm.activatedMeanwhile",
                    activated.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        Instant now = clock.instant();
        String actor = caller.get().username();
        repository.activate(emergencyId, chosen, chosen.stream().map(id -> members.get(id).orgPath()).toList(), actor, now);
        repository.confirmed(selectionId, actor, now);
        audit.record("SELECTION_CONFIRM", "emergency", Long.toString(emergencyId), emergency.orgPath(), null,
                "selection " + selectionId + ": " + chosen.size() + " members ordered");
        events.publishEvent(new CallUpOrdered(emergencyId, selectionId, chosen, actor));
        return view(repository.find(emergencyId, selectionId, false).orElseThrow());
    }

    /** The qualification catalogue for the request form. */
    @Transactional(readOnly = true)
    public List<Qualification> catalogue() {
        return qualifications.catalogue();
    }

    /** Where a selection for this emergency is centred unless the request names a point; null when unknown. */
    public GeoPoint defaultCentre(Emergency emergency) {
        GeoPoint centre = emergency.area().centre();
        if (centre != null) {
            return centre;
        }
        for (String code : emergency.area().regionCodes()) {
            var region = org.region(code);
            if (region.isPresent() && region.get().centerLat() != null && region.get().centerLon() != null) {
                return new GeoPoint(region.get().centerLat(), region.get().centerLon());
            }
        }
        for (Integer id : emergency.area().districtIds()) {
            var district = org.district(id);
            if (district.isPresent() && district.get().centerLat() != null && district.get().centerLon() != null) {
                return new GeoPoint(district.get().centerLat(), district.get().centerLon());
            }
        }
        return null;
    }

    String text(Reason reason, Locale locale) {
        return text(reason, locale, Map.of());
    }

    /** The reason in the reader's language: days as dd.MM.yyyy, a qualification by its name rather than its code. */
    String text(Reason reason, Locale locale, Map<String, Qualification> catalogue) {
        Object[] args = reason.args().stream().map(ForceSelection::display).toArray();
        if (reason.code().startsWith("qualification") && args.length > 0 && catalogue.containsKey(reason.args().get(0))) {
            args[0] = name(catalogue.get(reason.args().get(0)), locale);
        }
        return messages.getMessage("selection.reason." + reason.code(), args, reason.code(), locale);
    }

    private static String name(Qualification q, Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru" -> q.nameRu();
            case "en" -> q.nameEn();
            default -> q.nameKk();
        };
    }

    /** What {@link #select} would refuse in this request, all at once, without selecting anyone. */
    public List<FieldProblem> problems(Emergency emergency, SelectionRequest request) {
        try {
            check(request, emergency);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private static Object display(String arg) {
        if (arg != null && arg.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(arg).format(DAY);
        }
        return arg;
    }

    private SelectionRepository.Header header(long emergencyId, long selectionId, boolean lock) {
        return repository.find(emergencyId, selectionId, lock)
                .orElseThrow(() -> new NotFoundException("No selection " + selectionId + " in emergency " + emergencyId));
    }

    private Selection view(SelectionRepository.Header h) {
        List<Selection.Selected> members = repository.members(h.id(), viewing()).stream()
                .map(m -> new Selection.Selected(m.rank(), m.memberId(), m.name(), m.unitId(), m.unitName(),
                        Math.round(m.distanceKm() * 10) / 10.0, m.readiness(), m.skillsMatched(), m.acwrOverride()))
                .toList();
        return summary(h, members);
    }

    private static Selection summary(SelectionRepository.Header h, List<Selection.Selected> members) {
        return new Selection(h.id(), h.emergencyId(), h.status(), h.request(), h.lat(), h.lon(), h.radiusKm(), h.wanted(),
                h.selected(), h.excluded(), h.scanned(), h.createdBy(), h.createdAt(), Math.round(h.elapsedMs() * 10) / 10.0,
                h.confirmedBy(), h.confirmedAt(), members);
    }

    private GeoPoint check(SelectionRequest request, Emergency emergency) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.count() == null || request.count() < 1 || request.count() > MAX_COUNT) {
            problems.add(FieldProblem.of("count", "selection.count.range", MAX_COUNT));
        }
        if (request.radiusKm() != null && !(request.radiusKm() > 0 && request.radiusKm() <= MAX_RADIUS_KM)) {
            problems.add(FieldProblem.of("radiusKm", "selection.radius.range", (int) MAX_RADIUS_KM));
        }
        Set<String> known = qualifications.catalogue().stream().map(Qualification::code).collect(Collectors.toSet());
        List<String> unknown = request.qualifications().stream().filter(q -> !known.contains(q)).toList();
        if (!unknown.isEmpty()) {
            problems.add(FieldProblem.of("qualifications", "selection.qualifications.unknown", String.join(", ", unknown)));
        }
        Set<String> types = Arrays.stream(UnitType.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> badTypes = request.unitTypes().stream().filter(t -> !types.contains(t)).toList();
        if (!badTypes.isEmpty()) {
            problems.add(FieldProblem.of("unitTypes", "selection.unitTypes.unknown", String.join(", ", badTypes)));
        }
        if (!request.overrideAcwr().isEmpty() && (request.reason() == null || request.reason().isBlank())) {
            problems.add(FieldProblem.of("reason", "selection.override.reasonRequired"));
        }
        if (request.reason() != null && request.reason().length() > 1000) {
            problems.add(FieldProblem.of("reason", "selection.override.reasonTooLong", 1000));
        }
        GeoPoint centre = null;
        if (request.lat() != null || request.lon() != null) {
            if (request.lat() == null || request.lat() < -90 || request.lat() > 90) {
                problems.add(FieldProblem.of("lat", "selection.lat.range"));
            }
            if (request.lon() == null || request.lon() < -180 || request.lon() > 180) {
                problems.add(FieldProblem.of("lon", "selection.lon.range"));
            }
            if (problems.stream().noneMatch(p -> p.field().equals("lat") || p.field().equals("lon"))) {
                centre = new GeoPoint(request.lat(), request.lon());
            }
        } else {
            centre = defaultCentre(emergency);
            if (centre == null) {
                problems.add(FieldProblem.of("lat", "selection.centre.unknown"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return centre;
    }
}
