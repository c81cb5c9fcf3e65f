package kz.qalqan.readiness;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The readiness of one node of the hierarchy: a unit with its sub-units, a district, a region or the nation.
 *
 * @param node           the node's key: its org path ({@code ""} national, {@code "KZ-75/"} region,
 *                       {@code "KZ-75/d12/"} district, {@code "KZ-75/d12/u34/"} unit); pass it to trend and export
 * @param unitId         the unit's id for UNIT nodes, else null
 * @param code           unit code, region code ({@code KZ-75}), district id, or {@code KZ}
 * @param name           the name in the request's language (kk, ru, en)
 * @param counts         the counts behind every measure
 * @param p              personnel, {@code t} training, {@code s} equipment on hand, {@code r} serviceability
 * @param computedLevel  the overall C-level 1–4 (worst of P/T/S/R), null when nothing is measured
 * @param overrideLevel  a commander's lower level for this unit, null when none
 * @param effectiveLevel the level to show: the worse of computed and override
 * @param computedOn     the Kazakhstan day the levels were computed for
 */
public record NodeReadiness(String node, NodeKind kind, Long unitId, String code, String name, Counts counts,
                            Measure p, Measure t, Measure s, Measure r, Integer computedLevel,
                            Integer overrideLevel, String overrideReason, Integer effectiveLevel,
                            LocalDate computedOn, Instant computedAt) {
}
