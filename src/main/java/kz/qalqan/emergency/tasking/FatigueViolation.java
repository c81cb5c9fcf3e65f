package kz.qalqan.emergency.tasking;

import java.time.Duration;

/**
 * A fatigue rule a planned shift breaks, with the figures: {@code actual} against {@code limit}. {@code message}
 * says it in words ("rest 6 h before this shift; at least 10 h"); pages translate from {@code rule} and the figures.
 */
public record FatigueViolation(Rule rule, Duration actual, Duration limit, String message) {

    public enum Rule { MAX_SHIFT, MIN_REST, OVERLAP, MAX_WEEK }

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
