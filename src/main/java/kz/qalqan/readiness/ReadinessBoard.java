package kz.qalqan.readiness;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.csv.CsvWriter;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.readiness.internal.ReadinessEngine;
import kz.qalqan.readiness.internal.ReadinessRepository;
import kz.qalqan.registry.District;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Region;
import kz.qalqan.registry.Unit;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;
import kz.qalqan.training.Qualifications;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Unit readiness for the API and the board: nodes of the hierarchy (nation, region, district, unit with its
 * sub-units) with P/T/S/R and C-levels, the counts behind them, explanations and what would raise them,
 * overrides, trends and CSV export. Readers (ADMIN, COMMANDER, SAFETY_OFFICER, MEDICAL_OFFICER,
 * TRAINING_OFFICER, EMERGENCY_COORDINATOR) see the nodes their grants cover — anything else is 404, as if
 * absent; children outside the scope are left out. ADMIN and COMMANDER over a unit may lower its level.
 * Levels are as of the last recompute (incremental on every input event, full daily).
 */
@Service
@Transactional
public class ReadinessBoard {

    static final Role[] READERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER,
            Role.TRAINING_OFFICER, Role.EMERGENCY_COORDINATOR};
    static final Role[] COMMANDERS = {Role.ADMIN, Role.COMMANDER};
    private static final int CAUSES_PER_DIMENSION = 5;

    private final ReadinessRepository repository;
    private final ReadinessEngine engine;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Qualifications qualifications;

    ReadinessBoard(ReadinessRepository repository, ReadinessEngine engine, OrgStructure org, CurrentCaller caller,
                   AuditTrail audit, MessageSource messages, Qualifications qualifications) {
        this.qualifications = qualifications;
        this.repository = repository;
        this.engine = engine;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.messages = messages;
    }

    private Scope reading() {
        return caller.get().scopeFor(READERS);
    }

    /** The nation and its regions for a national reader; otherwise the nodes of the caller's grants. */
    @Transactional(readOnly = true)
    public ReadinessOverview overview() {
        Scope scope = reading();
        if (scope.isEverything()) {
            NodeReadiness national = node("");
            return new ReadinessOverview(national, children(""));
        }
        List<NodeReadiness> roots = scope.prefixes().stream().map(this::node).toList();
        return new ReadinessOverview(null, roots);
    }

    /** A region (code as {@code KZ-75}) with its districts and region-level units. */
    public ReadinessDetail region(String code) {
        Region region = org.region(code).orElseThrow(() -> new NotFoundException("No region " + code));
        return detail(region.code() + "/");
    }

    /** A district with its units. */
    public ReadinessDetail district(int id) {
        District district = org.district(id).orElseThrow(() -> new NotFoundException("No district " + id));
        return detail(district.regionCode() + "/d" + district.id() + "/");
    }

    /** A unit with its sub-units; 404 when the caller may not see it. */
    public ReadinessDetail unit(long unitId) {
        Unit unit = org.unit(unitId);
        visible(unit.orgPath());
        if (repository.node(unit.orgPath()).isEmpty()) {
            engine.recomputeUnits(List.of(unitId)); // a unit created since the last recompute
        }
        return detail(unit.orgPath());
    }

    /** Any node by its key ({@link NodeReadiness#node()}). */
    public ReadinessDetail detail(String key) {
        visible(key);
        NodeReadiness node = node(key);
        LocalDate day = node.computedOn() == null ? engine.today() : node.computedOn();
        List<Explanation> explanations = explain(key, node, day);
        return new ReadinessDetail(node, children(key), explanations, improvements(node));
    }

    /** Lowers a unit's level (never raises it) with a reason; audited. */
    public ReadinessDetail override(long unitId, OverrideCommand command, String actor) {
        Unit unit = writableUnit(unitId);
        if (repository.node(unit.orgPath()).isEmpty()) {
            engine.recomputeUnits(List.of(unitId));
        }
        Integer computed = repository.node(unit.orgPath()).map(ReadinessRepository.NodeRow::computedLevel).orElse(null);
        ReadinessLevels.checkOverride(computed, command.level(), command.reason());
        repository.putOverride(unitId, command.level(), command.reason().strip(), actor, engine.now());
        audit.record("READINESS_OVERRIDE", "unit", Long.toString(unitId), unit.orgPath(), command.reason().strip(),
                "C" + computed + " lowered to C" + command.level());
        return detail(unit.orgPath());
    }

    /** Removes a unit's override (nothing to do when it has none); audited. */
    public void clearOverride(long unitId, String actor) {
        Unit unit = writableUnit(unitId);
        boolean removed = repository.removeOverride(unitId);
        audit.record("READINESS_OVERRIDE_CLEAR", "unit", Long.toString(unitId), unit.orgPath(), null,
                removed ? "override removed by " + actor : "no override to remove");
    }

    /**
     * The node key for what a client wrote: {@code ""} or {@code KZ} is the nation; a region code, district
     * path or unit path may come without its final slash.
     */
    public static String nodeKey(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("KZ")) {
            return "";
        }
        if (!t.matches("KZ-[0-9]{2}(/(d[0-9]+|u[0-9]+))*/?")) {
            throw InvalidInputException.coded("node", "readiness.node.invalid", t);
        }
        return t.endsWith("/") ? t : t + "/";
    }

    /** The daily snapshots of a node from {@code from} to {@code to} (defaults: the last 90 days). */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(String key, LocalDate from, LocalDate to) {
        visible(key);
        LocalDate end = to == null ? engine.today() : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        if (start.isAfter(end)) {
            throw InvalidInputException.coded("from", "readiness.trend.fromAfterTo");
        }
        if (start.plusYears(5).isBefore(end)) {
            throw InvalidInputException.coded("from", "readiness.trend.tooLong", 5);
        }
        return repository.snapshots(key, start, end).stream()
                .map(s -> new TrendPoint(s.day(), s.counts().p(), s.counts().t(), s.counts().s(), s.counts().r(),
                        s.computedLevel(), s.overrideLevel()))
                .toList();
    }

    /** Writes the node and every node below it that the caller may see as CSV; audited. Returns the rows written. */
    public long export(String key, Writer out) {
        visible(key);
        Scope scope = reading();
        List<NodeReadiness> rows = named(repository.subtree(key).stream().filter(r -> scope.covers(r.node())).toList());
        CsvWriter csv = new CsvWriter(out);
        csv.row("node", "kind", "code", "name", "authorised", "p_ready", "p_percent", "p_level", "t_required", "t_current",
                "t_percent", "t_level", "s_authorised", "s_on_hand", "s_percent", "s_level", "r_on_hand", "r_ready",
                "r_percent", "r_level", "computed_level", "override_level", "effective_level", "computed_on");
        for (NodeReadiness n : rows) {
            csv.row(n.node(), n.kind().name(), n.code(), n.name(), s(n.counts().authorised()), s(n.p().numerator()),
                    s(n.p().percent()), s(n.p().level()), s(n.t().denominator()), s(n.t().numerator()), s(n.t().percent()),
                    s(n.t().level()), s(n.s().denominator()), s(n.s().numerator()), s(n.s().percent()), s(n.s().level()),
                    s(n.r().denominator()), s(n.r().numerator()), s(n.r().percent()), s(n.r().level()),
                    s(n.computedLevel()), s(n.overrideLevel()), s(n.effectiveLevel()), s(n.computedOn()));
        }
        csv.flush();
        audit.record("READINESS_EXPORT", "readiness", key.isEmpty() ? "KZ" : key, key, null, "rows=" + rows.size());
        return rows.size();
    }

    private static String s(Object v) {
        return v == null ? "" : v.toString();
    }

    // ---- nodes

    private void visible(String key) {
        if (!reading().covers(key)) {
            throw new NotFoundException("No readiness for " + (key.isEmpty() ? "the nation" : key) + " in your area");
        }
    }

    private Unit writableUnit(long unitId) {
        Unit unit = org.unit(unitId);
        visible(unit.orgPath());
        if (!caller.get().scopeFor(COMMANDERS).covers(unit.orgPath())) {
            throw ForbiddenException.coded("readiness.override.notCommander");
        }
        return unit;
    }

    private NodeReadiness node(String key) {
        return repository.node(key).map(r -> named(List.of(r)).get(0)).orElseGet(() -> empty(key));
    }

    private List<NodeReadiness> children(String key) {
        Scope scope = reading();
        return named(repository.children(key).stream().filter(r -> scope.covers(r.node())).toList());
    }

    private NodeReadiness empty(String key) {
        ReadinessRepository.NodeRow row = new ReadinessRepository.NodeRow(key, kindOf(key), unitIdOf(key), Counts.ZERO,
                null, null, null, null, engine.now());
        return named(List.of(row)).get(0);
    }

    static NodeKind kindOf(String key) {
        if (key.isEmpty()) {
            return NodeKind.NATIONAL;
        }
        String last = key.substring(key.lastIndexOf('/', key.length() - 2) + 1, key.length() - 1);
        return last.matches("u[0-9]+") ? NodeKind.UNIT : last.matches("d[0-9]+") ? NodeKind.DISTRICT : NodeKind.REGION;
    }

    private static Long unitIdOf(String key) {
        return kindOf(key) == NodeKind.UNIT
                ? Long.valueOf(key.substring(key.lastIndexOf('/', key.length() - 2) + 2, key.length() - 1)) : null;
    }

    private List<NodeReadiness> named(List<ReadinessRepository.NodeRow> rows) {
        Map<Long, ReadinessRepository.UnitName> units = repository.unitNames(rows.stream()
                .map(ReadinessRepository.NodeRow::unitId).filter(java.util.Objects::nonNull).toList());
        String lang = LocaleContextHolder.getLocale().getLanguage();
        Map<String, Region> regions = org.regions().stream().collect(Collectors.toMap(Region::code, r -> r));
        List<NodeReadiness> out = new ArrayList<>(rows.size());
        for (ReadinessRepository.NodeRow r : rows) {
            String code;
            String name;
            switch (r.kind()) {
                case NATIONAL -> {
                    code = "KZ";
                    name = text("readiness.node.national", List.of());
                }
                case REGION -> {
                    code = r.node().substring(0, r.node().length() - 1);
                    Region region = regions.get(code);
                    name = region == null ? code : pick(lang, region.nameKk(), region.nameRu(), region.nameEn());
                }
                case DISTRICT -> {
                    int id = Integer.parseInt(r.node().substring(r.node().lastIndexOf("/d") + 2, r.node().length() - 1));
                    code = Integer.toString(id);
                    name = org.district(id).map(d -> pick(lang, d.nameKk(), d.nameRu(), d.nameEn())).orElse(code);
                }
                default -> {
                    ReadinessRepository.UnitName unit = units.get(r.unitId());
                    code = unit == null ? "u" + r.unitId() : unit.code();
                    name = unit == null ? code : unit.name();
                }
            }
            Counts c = r.counts();
            out.add(new NodeReadiness(r.node(), r.kind(), r.unitId(), code, name, c, c.p(), c.t(), c.s(), c.r(),
                    r.computedLevel(), r.overrideLevel(), r.overrideReason(),
                    ReadinessLevels.worst(r.computedLevel(), r.overrideLevel()), r.computedOn(), r.computedAt()));
        }
        return out;
    }

    private static String pick(String lang, String kk, String ru, String en) {
        return switch (lang) {
            case "ru" -> ru;
            case "en" -> en;
            default -> kk;
        };
    }

    // ---- explanations

    private List<Explanation> explain(String key, NodeReadiness node, LocalDate day) {
        List<Explanation> out = new ArrayList<>();
        if (node.computedLevel() == null) {
            out.add(explanation(node, Dimension.P, "NOTHING_TO_MEASURE", null, 0, 0));
            return out;
        }
        List<ReadinessRepository.CauseRow> causes = new ArrayList<>();
        if (node.p().level() != null) {
            causes.addAll(repository.personnelCauses(key, day));
        }
        if (node.s().level() != null || node.r().level() != null) {
            causes.addAll(repository.equipmentCauses(key, day));
        }
        for (Dimension d : Dimension.values()) {
            Measure m = measure(node, d);
            if (m.level() == null) {
                continue;
            }
            causes.stream().filter(c -> c.dimension() == d && c.count() > 0)
                    .sorted(Comparator.comparingLong(ReadinessRepository.CauseRow::count).reversed()
                            .thenComparing(c -> c.subject() == null ? "" : c.subject()))
                    .limit(CAUSES_PER_DIMENSION)
                    .forEach(c -> out.add(explanation(node, d, c.cause(), c.subject(), c.count(), m.denominator())));
        }
        out.sort(Comparator.comparing((Explanation e) -> e.level() == null ? 0 : -e.level()));
        return out;
    }

    private Explanation explanation(NodeReadiness node, Dimension d, String cause, String subject, long count, long of) {
        Measure m = measure(node, d);
        String key = "readiness.cause." + d + "." + cause;
        List<Object> args = List.of(count, of, subject == null ? "" : subjectName(subject), d + (m.level() == null ? "" : m.level().toString()));
        return new Explanation(d, m.level(), cause, subject, count, of, key, args, text(key, args));
    }

    private String subjectName(String subject) {
        try {
            return text("readiness.item." + ItemType.valueOf(subject), List.of());
        } catch (IllegalArgumentException e) {
            return qualifications.names(LocaleContextHolder.getLocale()).apply(subject); // a qualification code
        }
    }

    private List<Improvement> improvements(NodeReadiness node) {
        List<Improvement> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            Measure m = measure(node, d);
            if (m.level() == null || m.level() == 1) {
                continue;
            }
            int target = m.level() - 1;
            long more = ReadinessLevels.neededFor(d, target, m.numerator(), m.denominator());
            String key = "readiness.raise." + d;
            List<Object> args = List.of(more, d + Integer.toString(m.level()), d + Integer.toString(target));
            out.add(new Improvement(d, m.level(), target, more, key, args, text(key, args)));
        }
        return out;
    }

    private static Measure measure(NodeReadiness node, Dimension d) {
        return switch (d) {
            case P -> node.p();
            case T -> node.t();
            case S -> node.s();
            case R -> node.r();
        };
    }

    private String text(String key, List<Object> args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args.toArray(), key, locale);
    }
}
