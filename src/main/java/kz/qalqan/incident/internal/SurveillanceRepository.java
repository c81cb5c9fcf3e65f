package kz.qalqan.incident.internal;

import kz.qalqan.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates for injury surveillance, set-based in SQL: injuries from incidents and person-days from the
 * exposure read model, both filtered by the caller's scope on their org path and by the Kazakhstan day.
 */
@Repository
public class SurveillanceRepository {

    /** What rates are broken down by: the expressions on the exposure and the incident rows (constants only). */
    public enum Dimension {
        UNIT("e.unit_id::text", "i.unit_id::text", "e.unit_code", "i.unit_code"),
        REGION("e.region_code", "i.region_code", null, null),
        ACTIVITY("e.activity_type", "coalesce(i.activity_type, 'UNKNOWN')", null, null),
        CAUSE(null, "coalesce(i.cause, 'UNKNOWN')", null, null),
        MONTH("to_char(e.day, 'YYYY-MM')", "to_char(i.occurred_on, 'YYYY-MM')", null, null);

        final String exposureKey;
        final String incidentKey;
        final String exposureLabel;
        final String incidentLabel;

        Dimension(String exposureKey, String incidentKey, String exposureLabel, String incidentLabel) {
            this.exposureKey = exposureKey;
            this.incidentKey = incidentKey;
            this.exposureLabel = exposureLabel;
            this.incidentLabel = incidentLabel;
        }
    }

    /** A row of counts: key, label, injuries and person-days. */
    public record Counts(String key, String label, long injuries, long personDays) {
    }

    /** A unit in a month. */
    public record UnitMonth(String period, String unitId, String unitCode, long injuries, long personDays) {
    }

    /** A category and how many injuries fall in it. */
    public record Tally(String key, long count) {
    }

    private static final String INJURY = "i.kind in ('INJURY', 'HEAT_INJURY', 'COLD_INJURY')";

    private final JdbcClient jdbc;

    public SurveillanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts per key of the dimension; for CAUSE, person-days are the total exposure (exposure has no cause). */
    public List<Counts> counts(Dimension d, Scope scope, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String exposure;
        if (d.exposureKey == null) {
            exposure = "select null::text k, null::text l, 0::bigint pd where false";
        } else {
            exposure = "select " + d.exposureKey + " k, " + (d.exposureLabel == null ? "null::text" : "max(" + d.exposureLabel + ")")
                    + " l, sum(e.person_days)::bigint pd from incident.exposure e where e.day between ? and ?"
                    + scope(scope, "e", params, from, to) + " group by 1";
        }
        List<Object> incidentParams = new ArrayList<>();
        String incidents = "select " + d.incidentKey + " k, " + (d.incidentLabel == null ? "null::text" : "max(" + d.incidentLabel + ")")
                + " l, count(*)::bigint c from incident.incident i where " + INJURY + " and i.occurred_on between ? and ?"
                + (d == Dimension.UNIT ? " and i.unit_id is not null" : "")
                + scope(scope, "i", incidentParams, from, to) + " group by 1";
        params.addAll(incidentParams);
        String sql = "with e as (" + exposure + "), i as (" + incidents + ") "
                + "select coalesce(e.k, i.k) k, coalesce(e.l, i.l) l, coalesce(i.c, 0) c, coalesce(e.pd, 0) pd "
                + "from e full join i on e.k = i.k order by 1";
        List<Counts> rows = jdbc.sql(sql).params(params)
                .query((rs, n) -> new Counts(rs.getString("k"), rs.getString("l"), rs.getLong("c"), rs.getLong("pd")))
                .list();
        if (d == Dimension.CAUSE) {
            long total = totalPersonDays(scope, from, to);
            return rows.stream().map(r -> new Counts(r.key(), r.label(), r.injuries(), total)).toList();
        }
        return rows;
    }

    public long totalPersonDays(Scope scope, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String sql = "select coalesce(sum(e.person_days), 0)::bigint from incident.exposure e where e.day between ? and ?"
                + scope(scope, "e", params, from, to);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    public long totalInjuries(Scope scope, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String sql = "select count(*) from incident.incident i where " + INJURY + " and i.occurred_on between ? and ?"
                + scope(scope, "i", params, from, to);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Injuries and person-days per unit and month, for the u-charts. */
    public List<UnitMonth> unitMonths(Scope scope, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String exposure = "select to_char(e.day, 'YYYY-MM') p, e.unit_id::text k, max(e.unit_code) l, sum(e.person_days)::bigint pd "
                + "from incident.exposure e where e.day between ? and ?" + scope(scope, "e", params, from, to) + " group by 1, 2";
        String incidents = "select to_char(i.occurred_on, 'YYYY-MM') p, i.unit_id::text k, max(i.unit_code) l, count(*)::bigint c "
                + "from incident.incident i where " + INJURY + " and i.unit_id is not null and i.occurred_on between ? and ?"
                + scope(scope, "i", params, from, to) + " group by 1, 2";
        String sql = "with e as (" + exposure + "), i as (" + incidents + ") "
                + "select coalesce(e.p, i.p) p, coalesce(e.k, i.k) k, coalesce(e.l, i.l) l, coalesce(i.c, 0) c, coalesce(e.pd, 0) pd "
                + "from e full join i on e.p = i.p and e.k = i.k order by 1, 3";
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new UnitMonth(rs.getString("p"), rs.getString("k"), rs.getString("l"), rs.getLong("c"),
                        rs.getLong("pd")))
                .list();
    }

    /** Injuries per value of {@code column} ("cause" or "body_region"), most first. */
    public List<Tally> tally(String column, Scope scope, LocalDate from, LocalDate to) {
        if (!column.equals("cause") && !column.equals("body_region")) {
            throw new IllegalArgumentException(column);
        }
        List<Object> params = new ArrayList<>();
        String sql = "select coalesce(i." + column + ", 'UNKNOWN') k, count(*) c from incident.incident i where " + INJURY
                + " and i.occurred_on between ? and ?" + scope(scope, "i", params, from, to)
                + " group by 1 order by 2 desc, 1";
        return jdbc.sql(sql).params(params).query((rs, n) -> new Tally(rs.getString("k"), rs.getLong("c"))).list();
    }

    private static String scope(Scope scope, String alias, List<Object> params, LocalDate from, LocalDate to) {
        params.add(Date.valueOf(from));
        params.add(Date.valueOf(to));
        if (scope.isEverything()) {
            return "";
        }
        if (scope.isNothing()) {
            return " and false";
        }
        params.add(scope.likePatterns());
        return " and " + alias + ".org_path like any(?)";
    }
}
