package kz.qalqan.incident;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.incident.internal.SurveillanceRepository;
import kz.qalqan.incident.internal.SurveillanceRepository.Breakdown;
import kz.qalqan.incident.internal.SurveillanceRepository.Sum;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.csv.CsvWriter;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Injury rates per 1,000 person-days of training exposure over the caller's subtree (the staff roles' scope;
 * anyone else sees empty figures), u-charts per month, Pareto lists and a CSV of the same figures. Body
 * regions appear only as counts, never with a person, and to readers other than medical officers over the whole
 * report's scope only where at least {@link SurveillanceProperties#minCellCount} injuries share the region (small
 * cells are left out). Every report is audited against the reader's area.
 */
@Service
@Transactional
@org.springframework.boot.context.properties.EnableConfigurationProperties(SurveillanceProperties.class)
public class InjurySurveillance {

    /** The default window: the 12 months up to today. */
    public static final int DEFAULT_MONTHS = 12;
    private static final long MAX_DAYS = 366L * 5;

    private final SurveillanceRepository repository;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;
    private final SurveillanceProperties properties;

    InjurySurveillance(SurveillanceRepository repository, CurrentCaller caller, AuditTrail audit, Clock clock,
                       SurveillanceProperties properties) {
        this.repository = repository;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Body-region cells as this reader may see them: all of them for a medical officer whose grants cover the whole
     * report's scope, else only those of at least the minimum count (percentages stay shares of all injuries).
     */
    private List<SurveillanceReport.ParetoBar> bodyRegions(List<SurveillanceReport.ParetoBar> bars, Scope scope) {
        Scope medical = caller.get().scopeFor(kz.qalqan.shared.Role.MEDICAL_OFFICER);
        boolean medicalReader = !scope.isNothing() && scope.prefixes().stream().allMatch(medical::covers);
        return medicalReader ? bars : bars.stream().filter(b -> b.count() >= properties.minCellCount()).toList();
    }

    /** Rate per 1,000 person-days; null without exposure. */
    public static Double rate(long injuries, long personDays) {
        return personDays <= 0 ? null : injuries * 1000.0 / personDays;
    }

    public SurveillanceReport report(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Incidents.KAZAKHSTAN);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusMonths(DEFAULT_MONTHS).plusDays(1) : from;
        if (start.isAfter(end)) {
            throw InvalidInputException.coded("from", "incident.window.reversed");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw InvalidInputException.coded("from", "incident.window.tooLong", 5);
        }
        Scope scope = caller.get().scopeFor(Incidents.READERS);
        List<Sum> exposure = repository.exposure(scope, start, end);
        List<Sum> injuries = repository.injuries(scope, start, end);
        long totalInjuries = total(injuries);
        long totalPersonDays = total(exposure);
        SurveillanceReport report = new SurveillanceReport(start, end,
                new SurveillanceReport.Rate("total", "total", totalInjuries, totalPersonDays, rate(totalInjuries, totalPersonDays)),
                rates(Breakdown.UNIT, exposure, injuries, null), rates(Breakdown.REGION, exposure, injuries, null),
                rates(Breakdown.ACTIVITY, exposure, injuries, null), rates(Breakdown.CAUSE, exposure, injuries, totalPersonDays),
                rates(Breakdown.MONTH, exposure, injuries, null), uCharts(exposure, injuries),
                pareto(repository.tally("cause", scope, start, end)),
                bodyRegions(pareto(repository.tally("body_region", scope, start, end)), scope));
        audit.record("INJURY_SURVEILLANCE_READ", "incident", null, scope.commonPath(), null, start + ".." + end);
        return report;
    }

    /** The report's figures as one CSV table ({@code table} names the breakdown); returns the rows written. */
    public long exportCsv(LocalDate from, LocalDate to, Writer out) {
        SurveillanceReport r = report(from, to);
        CsvWriter csv = new CsvWriter(out);
        csv.row("table", "key", "label", "injuries", "person_days", "rate_per_1000", "centre", "lcl", "ucl", "flagged");
        long rows = 0;
        Map<String, List<SurveillanceReport.Rate>> tables = new LinkedHashMap<>();
        tables.put("total", List.of(r.total()));
        tables.put("unit", r.byUnit());
        tables.put("region", r.byRegion());
        tables.put("activity", r.byActivity());
        tables.put("cause", r.byCause());
        tables.put("month", r.byMonth());
        for (Map.Entry<String, List<SurveillanceReport.Rate>> t : tables.entrySet()) {
            for (SurveillanceReport.Rate rate : t.getValue()) {
                csv.row(t.getKey(), rate.key(), rate.label(), Long.toString(rate.injuries()), Long.toString(rate.personDays()),
                        number(rate.rate()), "", "", "", "");
                rows++;
            }
        }
        for (SurveillanceReport.Period p : r.uCharts()) {
            for (SurveillanceReport.UChartPoint pt : p.points()) {
                csv.row("u_chart " + p.period(), pt.unitId(), java.util.Objects.requireNonNullElse(pt.unitCode(), ""), Long.toString(pt.injuries()),
                        Long.toString(pt.personDays()), number(pt.u()), number(p.centre()), number(pt.lcl()), number(pt.ucl()),
                        Boolean.toString(pt.flagged()));
                rows++;
            }
        }
        for (SurveillanceReport.ParetoBar b : r.causes()) {
            csv.row("pareto_cause", b.key(), b.key(), Long.toString(b.count()), "", "", "", "", "", "");
            rows++;
        }
        for (SurveillanceReport.ParetoBar b : r.bodyRegions()) {
            csv.row("pareto_body_region", b.key(), b.key(), Long.toString(b.count()), "", "", "", "", "", "");
            rows++;
        }
        csv.flush();
        audit.record("INJURY_SURVEILLANCE_EXPORT", "incident", null,
                caller.get().scopeFor(Incidents.READERS).commonPath(), null, r.from() + ".." + r.to() + " rows=" + rows);
        return rows;
    }

    private static long total(List<Sum> sums) {
        return sums.stream().filter(x -> x.breakdown() == Breakdown.TOTAL).mapToLong(Sum::value).sum();
    }

    /** Joins person-days and injuries of one breakdown by key; {@code personDays} overrides (cause has no exposure). */
    private static List<SurveillanceReport.Rate> rates(Breakdown b, List<Sum> exposure, List<Sum> injuries, Long personDays) {
        Map<String, long[]> figures = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Sum x : exposure) {
            if (x.breakdown() == b) {
                figures.computeIfAbsent(x.key(), k -> new long[2])[1] += x.value();
                if (x.label() != null) {
                    labels.put(x.key(), x.label());
                }
            }
        }
        for (Sum x : injuries) {
            if (x.breakdown() == b) {
                figures.computeIfAbsent(x.key(), k -> new long[2])[0] += x.value();
                if (x.label() != null) {
                    labels.putIfAbsent(x.key(), x.label());
                }
            }
        }
        List<SurveillanceReport.Rate> rates = new ArrayList<>();
        figures.forEach((key, f) -> {
            long pd = personDays != null ? personDays : f[1];
            rates.add(new SurveillanceReport.Rate(key, labels.getOrDefault(key, key), f[0], pd, rate(f[0], pd)));
        });
        if (b == Breakdown.UNIT) {
            rates.sort(Comparator.comparing(SurveillanceReport.Rate::label));
        }
        return List.copyOf(rates);
    }

    /** A u-chart per month over the units with exposure in it. */
    private static List<SurveillanceReport.Period> uCharts(List<Sum> exposure, List<Sum> injuries) {
        Map<String, Map<String, long[]>> months = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        for (Sum x : exposure) {
            if (x.breakdown() == Breakdown.UNIT_MONTH) {
                months.computeIfAbsent(x.month(), m -> new TreeMap<>()).computeIfAbsent(x.key(), k -> new long[2])[1] += x.value();
                labels.put(x.key(), x.label());
            }
        }
        for (Sum x : injuries) {
            if (x.breakdown() == Breakdown.UNIT_MONTH && months.containsKey(x.month())) {
                long[] f = months.get(x.month()).get(x.key());
                if (f != null) {
                    f[0] += x.value();
                }
            }
        }
        List<SurveillanceReport.Period> periods = new ArrayList<>();
        months.forEach((month, units) -> {
            List<Map.Entry<String, long[]>> rows = units.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                    .sorted(Comparator.comparing(e -> labels.getOrDefault(e.getKey(), e.getKey()))).toList();
            if (rows.isEmpty()) {
                return;
            }
            UChart chart = UChart.of(rows.stream()
                    .map(e -> new UChart.Subgroup(e.getKey(), e.getValue()[0], e.getValue()[1] / 1000.0)).toList());
            List<SurveillanceReport.UChartPoint> points = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                UChart.Point p = chart.points().get(i);
                String unit = rows.get(i).getKey();
                points.add(new SurveillanceReport.UChartPoint(unit, labels.getOrDefault(unit, unit), p.c(),
                        rows.get(i).getValue()[1], p.u(), p.lcl(), p.ucl(), p.aboveUpperLimit()));
            }
            periods.add(new SurveillanceReport.Period(month, chart.centre(), List.copyOf(points)));
        });
        return List.copyOf(periods);
    }

    static List<SurveillanceReport.ParetoBar> pareto(List<SurveillanceRepository.Tally> tallies) {
        long total = tallies.stream().mapToLong(SurveillanceRepository.Tally::count).sum();
        List<SurveillanceReport.ParetoBar> bars = new ArrayList<>();
        long running = 0;
        for (SurveillanceRepository.Tally t : tallies) {
            running += t.count();
            bars.add(new SurveillanceReport.ParetoBar(t.key(), t.count(), 100.0 * t.count() / total, 100.0 * running / total));
        }
        return List.copyOf(bars);
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
