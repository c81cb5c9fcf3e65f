package kz.qalqan.readiness;

/**
 * One dimension of a node: {@code numerator} of {@code denominator} counted, the share in percent (two
 * decimals, null without a denominator) and the level 1–4 (null: nothing to measure, e.g. no positions).
 */
public record Measure(Dimension dimension, long numerator, long denominator, Double percent, Integer level) {

    public static Measure of(Dimension dimension, long numerator, long denominator) {
        Double percent = denominator <= 0 ? null : Math.round(10_000.0 * numerator / denominator) / 100.0;
        return new Measure(dimension, numerator, denominator, percent, ReadinessLevels.level(dimension, numerator, denominator));
    }
}
