package kz.qalqan.readiness;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The level rules of DOMAIN.md §9: a share against its dimension's thresholds (compared exactly, in
 * integers: {@code num/den >= t%} iff {@code 100·num >= t·den}), the overall C-level as the worst of the
 * measured dimensions, and the override rule (a commander may lower a level, never raise it, and must say why).
 */
public final class ReadinessLevels {

    private ReadinessLevels() {
    }

    /** The level of {@code numerator} out of {@code denominator}; null when there is nothing to measure. */
    public static Integer level(Dimension dimension, long numerator, long denominator) {
        if (denominator <= 0) {
            return null;
        }
        for (int level = 1; level <= 3; level++) {
            if (100 * numerator >= (long) dimension.threshold(level) * denominator) {
                return level;
            }
        }
        return 4;
    }

    /** The level of a percentage (0–100). */
    public static int level(Dimension dimension, BigDecimal percent) {
        for (int level = 1; level <= 3; level++) {
            if (percent.compareTo(BigDecimal.valueOf(dimension.threshold(level))) >= 0) {
                return level;
            }
        }
        return 4;
    }

    /** The worst (highest-numbered) of the levels that were measured; null when none was. */
    public static Integer worst(Integer... levels) {
        Integer worst = null;
        for (Integer level : levels) {
            if (level != null && (worst == null || level > worst)) {
                worst = level;
            }
        }
        return worst;
    }

    /** The fewest more counted items that lift {@code numerator/denominator} to {@code targetLevel}. */
    public static long neededFor(Dimension dimension, int targetLevel, long numerator, long denominator) {
        long threshold = dimension.threshold(targetLevel);
        long required = (threshold * denominator + 99) / 100; // ceil(t·den/100)
        return Math.max(0, required - numerator);
    }

    /**
     * Checks a commander's override of a unit whose computed C-level is {@code computed}: the level must be
     * 1–4, no better than the computed one (only C4 when nothing is measured), and come with a reason.
     *
     * @throws InvalidInputException naming {@code level} or {@code reason}
     */
    public static void checkOverride(Integer computed, Integer requested, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        if (requested == null) {
            problems.add(FieldProblem.of("level", "readiness.error.levelRequired"));
        } else if (requested < 1 || requested > 4) {
            problems.add(FieldProblem.of("level", "readiness.error.level", requested));
        } else if (computed == null && requested != 4) {
            problems.add(FieldProblem.of("level", "readiness.error.onlyC4"));
        } else if (computed != null && requested < computed) {
            problems.add(FieldProblem.of("level", "readiness.error.raise", "C" + computed, "C" + requested));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of("reason", "readiness.error.reasonRequired"));
        } else if (reason.strip().length() > 1000) {
            problems.add(FieldProblem.of("reason", "readiness.error.reasonLength", 1000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
