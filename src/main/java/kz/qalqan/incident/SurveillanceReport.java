package kz.qalqan.incident;

import java.time.LocalDate;
import java.util.List;

/**
 * Injury surveillance over the caller's subtree for a date range: injuries (injury, heat and cold injury
 * incidents) per 1,000 person-days of training exposure by unit, region, activity type, cause and month, a
 * u-chart per month flagging units above the upper limit, and Pareto lists of causes and body regions.
 * {@code rate} is null where there is no exposure.
 */
public record SurveillanceReport(LocalDate from, LocalDate to, Rate total, List<Rate> byUnit, List<Rate> byRegion,
                                 List<Rate> byActivity, List<Rate> byCause, List<Rate> byMonth, List<Period> uCharts,
                                 List<ParetoBar> causes, List<ParetoBar> bodyRegions) {

    /** Injuries over person-days for one key; {@code label} is a unit's code, else the key. */
    public record Rate(String key, String label, long injuries, long personDays, Double rate) {
    }

    /** The u-chart of one month: one point per unit with exposure. */
    public record Period(String period, double centre, List<UChartPoint> points) {
    }

    /** A unit on a u-chart; {@code u}, limits and centre are per 1,000 person-days. */
    public record UChartPoint(String unitId, String unitCode, long injuries, long personDays, double u, double lcl,
                              double ucl, boolean flagged) {
    }

    /** A Pareto bar: count, share of the total and cumulative share, in percent. */
    public record ParetoBar(String key, long count, double percent, double cumulativePercent) {
    }
}
