package kz.qalqan.incident.internal;

import kz.qalqan.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates for injury surveillance, set-based in SQL: person-days from the exposure read model and injuries
 * (injury, heat and cold injury incidents), each in one scan with GROUPING SETS over every breakdown, filtered
 * by the caller's scope on the org path and by the Kazakhstan day.
 */
@Repository
public class SurveillanceRepository {

    /** The breakdowns a row of {@link #exposure} or {@link #injuries} belongs to. */
    public enum Breakdown { TOTAL, UNIT, REGION, ACTIVITY, CAUSE, MONTH, UNIT_MONTH }

    /**
     * One aggregate: {@code key} is the unit id, region code, activity, cause or month ({@code yyyy-MM}); for
     * UNIT_MONTH the key is the unit id and {@code month} the month; {@code label} the unit code for units.
     */
    public record Sum(Breakdown breakdown, String key, String month, String label, long value) {
    }

    /** A category and how many injuries fall in it. */
    public record Tally(String key, long count) {
    }

    private static final String INJURY = "i.kind in ('INJURY', 'HEAT_INJURY', 'COLD_INJURY')";

    private final JdbcClient jdbc;

    public SurveillanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Person-days per breakdown (no CAUSE: exposure has none). */
    public List<Sum> exposure(Scope scope, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String sql = """
                select grouping(e.unit_id) as gu, grouping(e.region_code) as gr, grouping(e.activity_type) as ga,
                       grouping(to_char(e.day, 'YYYY-MM')) as gm, e.unit_id::text as unit_key, max(e.unit_code) as unit_code, e.region_code as region_key,
                       e.activity_type as activity_key, to_char(e.day, 'YYYY-MM') as month_key, sum(e.person_days)::bigint as v
                from incident.exposure e
                where e.day between ? and ?""" + scope(scope, "e", params, from, to) + """

                group by grouping sets ((), (e.unit_id), (e.region_code), (e.activity_type), (to_char(e.day, 'YYYY-MM')),
                                        (to_char(e.day, 'YYYY-MM'), e.unit_id))""";
        return jdbc.sql(sql).params(params).query((rs, n) -> sum(rs.getInt("gu") == 0, rs.getInt("gr") == 0,
                rs.getInt("ga") == 0, false, rs.getInt("gm") == 0, rs.getString("unit_key"), rs.getString("unit_code"),
                rs.getString("region_key"), rs.getString("activity_key"), null, rs.getString("month_key"), rs.getLong("v"))).list();
    }

    /** Injuries per breakdown; the unit breakdowns leave out injuries reported without a unit. */
    public List<Sum> injuries(Scope scope, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>();
        String sql = """
                select grouping(i.unit_id) as gu, grouping(i.region_code) as gr, grouping(coalesce(i.activity_type, 'UNKNOWN')) as ga,
                       grouping(coalesce(i.cause, 'UNKNOWN')) as gc, grouping(to_char(i.occurred_on, 'YYYY-MM')) as gm,
                       i.unit_id::text as unit_key, max(i.unit_code) as unit_code, i.region_code as region_key,
                       coalesce(i.activity_type, 'UNKNOWN') as activity_key, coalesce(i.cause, 'UNKNOWN') as cause_key,
                       to_char(i.occurred_on, 'YYYY-MM') as month_key, count(*) as v
                from incident.incident i
                where""" + " " + INJURY + " and i.occurred_on between ? and ?" + scope(scope, "i", params, from, to) + """

                group by grouping sets ((), (i.unit_id), (i.region_code), (coalesce(i.activity_type, 'UNKNOWN')),
                                        (coalesce(i.cause, 'UNKNOWN')), (to_char(i.occurred_on, 'YYYY-MM')),
                                        (to_char(i.occurred_on, 'YYYY-MM'), i.unit_id))""";
        return jdbc.sql(sql).params(params).query((rs, n) -> sum(rs.getInt("gu") == 0, rs.getInt("gr") == 0,
                        rs.getInt("ga") == 0, rs.getInt("gc") == 0, rs.getInt("gm") == 0, rs.getString("unit_key"),
                        rs.getString("unit_code"), rs.getString("region_key"), rs.getString("activity_key"), rs.getString("cause_key"),
                        rs.getString("month_key"), rs.getLong("v")))
                .list().stream().filter(s -> s.key() != null || s.breakdown() == Breakdown.TOTAL).toList();
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

    private static Sum sum(boolean unit, boolean region, boolean activity, boolean cause, boolean month, String unitId,
                           String code, String regionCode, String activityType, String causeName, String monthKey, long v) {
        if (unit && month) {
            return new Sum(Breakdown.UNIT_MONTH, unitId, monthKey, code, v);
        }
        if (unit) {
            return new Sum(Breakdown.UNIT, unitId, null, code, v);
        }
        if (region) {
            return new Sum(Breakdown.REGION, regionCode, null, null, v);
        }
        if (activity) {
            return new Sum(Breakdown.ACTIVITY, activityType, null, null, v);
        }
        if (cause) {
            return new Sum(Breakdown.CAUSE, causeName, null, null, v);
        }
        if (month) {
            return new Sum(Breakdown.MONTH, monthKey, null, null, v);
        }
        return new Sum(Breakdown.TOTAL, "total", null, null, v);
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
