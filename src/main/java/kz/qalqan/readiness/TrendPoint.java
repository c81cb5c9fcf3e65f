package kz.qalqan.readiness;

import java.time.LocalDate;

/** A node's readiness on one day, from the daily snapshot. */
public record TrendPoint(LocalDate day, Measure p, Measure t, Measure s, Measure r, Integer computedLevel,
                         Integer overrideLevel) {
}
