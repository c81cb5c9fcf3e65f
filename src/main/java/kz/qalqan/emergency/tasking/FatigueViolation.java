package kz.qalqan.emergency.tasking;

import kz.qalqan.platform.Coded;

import java.time.Duration;
import java.util.List;

/**
 * A fatigue rule a planned shift breaks, with the figures: {@code actual} against {@code limit}. It is said to a
 * reader by its code ({@code tasking.fatigue.<rule>}) and arguments (hours and minutes of each figure);
 * {@code message} says it in English words for the audit trail ("rest 6 h before this shift; at least 10 h").
 */
public record FatigueViolation(Rule rule, Duration actual, Duration limit, String message) implements Coded {

    public enum Rule { MAX_SHIFT, MIN_REST, OVERLAP, MAX_WEEK }

    @Override
    public String code() {
        return "tasking.fatigue." + rule.name();
    }

    /** Hours and minutes of the actual figure, then of the limit. */
    @Override
    public List<Object> args() {
        return List.of(actual.toHours(), actual.toMinutesPart(), limit.toHours(), limit.toMinutesPart());
    }

    public long actualMinutes() {
        return actual.toMinutes();
    }

    public long limitMinutes() {
        return limit.toMinutes();
    }

    /** "6 h", "12 h 1 min", "45 min". */
    public static String hours(Duration d) {
        long minutes = d.toMinutes();
        long h = minutes / 60;
        long m = minutes % 60;
        return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
    }
}
