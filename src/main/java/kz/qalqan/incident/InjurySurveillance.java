package kz.qalqan.incident;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.incident.internal.SurveillanceRepository;
import kz.qalqan.incident.internal.SurveillanceRepository.Dimension;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Injury rates per 1,000 person-days of training exposure over the caller's subtree (the staff roles' scope;
 * anyone else sees empty figures), u-charts per month, Pareto lists and a CSV of the same figures. Body
 * regions appear only as counts, never with a person. Every report is audited.
 */
@Service
@Transactional
public class InjurySurveillance {

    /** The default window: the 12 months up to today. */
    public static final int DEFAULT_MONTHS = 12;
    private static final long MAX_DAYS = 366L * 5;

    private final SurveillanceRepository repository;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    InjurySurveillance(SurveillanceRepository repository, CurrentCaller caller, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
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
            throw InvalidInputException.of("from", "must not be after to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw InvalidInputException.of("from", "the window may span at most five years");
        }
        Scope scope = caller.get().scopeFor(Incidents.READERS);
        long injuries = repository.totalInjuries(scope, start, end);
        long personDays = repository.totalPersonDays(scope, start, end);
        SurveillanceReport report = new SurveillanceReport(start, end,
                new SurveillanceReport.Rate("total", "total", injuries, personDays, rate(injuries, personDays)),
                rates(Dimension.UNIT, scope, start, end), rates(Dimension.REGION, scope, start, end),
                rates(Dimension.ACTIVITY, scope, start, end), rates(Dimension.CAUSE, scope, start, end),
                rates(Dimension.MONTH, scope, start, end), uCharts(scope, start, end),
                pareto(repository.tally("cause", scope, start, end)),
                pareto(repository.tally("body_region", scope, start, end)));
        audit.record("INJURY_SURVEILLANCE_READ", "incident", null, null, null, start + ".." + end);
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
                csv.row("u_chart " + p.period(), pt.unitId(), pt.unitCode(), Long.toString(pt.injuries()),
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
        audit.record("INJURY_SURVEILLANCE_EXPORT", "incident", null, null, null, r.from() + ".." + r.to() + " rows=" + rows);
        return rows;
    }

    private List<SurveillanceReport.Rate> rates(Dimension d, Scope scope, LocalDate from, LocalDate to) {
        return repository.counts(d, scope, from, to).stream()
                .map(c -> new SurveillanceReport.Rate(c.key(), c.label() == null ? c.key() : c.label(), c.injuries(),
                        c.personDays(), rate(c.injuries(), c.personDays())))
                .toList();
    }

    private List<SurveillanceReport.Period> uCharts(Scope scope, LocalDate from, LocalDate to) {
        Map<String, List<SurveillanceRepository.UnitMonth>> byPeriod = new LinkedHashMap<>();
        for (SurveillanceRepository.UnitMonth m : repository.unitMonths(scope, from, to)) {
            if (m.personDays() > 0) {
                byPeriod.computeIfAbsent(m.period(), k -> new ArrayList<>()).add(m);
            }
        }
        List<SurveillanceReport.Period> periods = new ArrayList<>();
        byPeriod.forEach((period, rows) -> {
            UChart chart = UChart.of(rows.stream()
                    .map(m -> new UChart.Subgroup(m.unitId(), m.injuries(), m.personDays() / 1000.0)).toList());
            List<SurveillanceReport.UChartPoint> points = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                UChart.Point p = chart.points().get(i);
                SurveillanceRepository.UnitMonth m = rows.get(i);
                points.add(new SurveillanceReport.UChartPoint(m.unitId(), m.unitCode(), m.injuries(), m.personDays(),
                        p.u(), p.lcl(), p.ucl(), p.aboveUpperLimit()));
            }
            periods.add(new SurveillanceReport.Period(period, chart.centre(), List.copyOf(points)));
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
