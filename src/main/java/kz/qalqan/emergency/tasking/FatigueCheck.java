package kz.qalqan.emergency.tasking;

import kz.qalqan.emergency.FatigueRules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The fatigue rules of DOMAIN.md §10 applied to one planned shift against the member's other shifts: the shift is
 * no longer than {@code maxShift}, at least {@code minRest} separates it from every other shift (an overlap is its
 * own violation), and no 7-day window that touches it holds more than {@code maxWeek} of work. The window rolls:
 * the worst window starts at a shift's start or ends at a shift's end, so only those are measured.
 */
public final class FatigueCheck {

    static final Duration WEEK = Duration.ofDays(7);

    private final FatigueRules rules;

    public FatigueCheck(FatigueRules rules) {
        this.rules = rules;
    }

    /** A shift as the rules see it: when it starts and ends. */
    public record Span(Instant start, Instant end) {
        public Span {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a shift ends after it starts");
            }
        }

        Duration length() {
            return Duration.between(start, end);
        }

        Duration overlap(Instant from, Instant to) {
            Instant a = start.isAfter(from) ? start : from;
            Instant b = end.isBefore(to) ? end : to;
            return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
        }
    }

    /** What the shift {@code planned} breaks, given the member's {@code existing} shifts; empty when it is fine. */
    public List<FatigueViolation> check(List<Span> existing, Span planned) {
        List<FatigueViolation> violations = new ArrayList<>();
        Duration length = planned.length();
        if (length.compareTo(rules.maxShift()) > 0) {
            violations.add(new FatigueViolation(FatigueViolation.Rule.MAX_SHIFT, length, rules.maxShift(),
                    "shift " + FatigueViolation.hours(length) + "; at most " + FatigueViolation.hours(rules.maxShift())));
        }
        Duration restBefore = null;
        Duration restAfter = null;
        for (Span other : existing) {
            if (other.start().isBefore(planned.end()) && planned.start().isBefore(other.end())) {
                Duration overlap = planned.overlap(other.start(), other.end());
                violations.add(new FatigueViolation(FatigueViolation.Rule.OVERLAP, overlap, Duration.ZERO,
                        "overlaps another shift by " + FatigueViolation.hours(overlap)));
            } else if (!other.end().isAfter(planned.start())) {
                Duration rest = Duration.between(other.end(), planned.start());
                restBefore = restBefore == null || rest.compareTo(restBefore) < 0 ? rest : restBefore;
            } else {
                Duration rest = Duration.between(planned.end(), other.start());
                restAfter = restAfter == null || rest.compareTo(restAfter) < 0 ? rest : restAfter;
            }
        }
        if (restBefore != null && restBefore.compareTo(rules.minRest()) < 0) {
            violations.add(new FatigueViolation(FatigueViolation.Rule.MIN_REST, restBefore, rules.minRest(),
                    "rest " + FatigueViolation.hours(restBefore) + " before this shift; at least "
                            + FatigueViolation.hours(rules.minRest())));
        }
        if (restAfter != null && restAfter.compareTo(rules.minRest()) < 0) {
            violations.add(new FatigueViolation(FatigueViolation.Rule.MIN_REST, restAfter, rules.minRest(),
                    "rest " + FatigueViolation.hours(restAfter) + " after this shift before the next; at least "
                            + FatigueViolation.hours(rules.minRest())));
        }
        Duration worst = worstWeek(existing, planned);
        if (worst.compareTo(rules.maxWeek()) > 0) {
            violations.add(new FatigueViolation(FatigueViolation.Rule.MAX_WEEK, worst, rules.maxWeek(),
                    FatigueViolation.hours(worst) + " in 7 days; at most " + FatigueViolation.hours(rules.maxWeek())));
        }
        return violations;
    }

    /** The most work in any 7-day window that overlaps the planned shift, the planned shift included. */
    static Duration worstWeek(List<Span> existing, Span planned) {
        List<Span> all = new ArrayList<>(existing);
        all.add(planned);
        TreeSet<Instant> windowStarts = new TreeSet<>();
        for (Span s : all) {
            windowStarts.add(s.start());
            windowStarts.add(s.end().minus(WEEK));
        }
        Duration worst = Duration.ZERO;
        for (Instant from : windowStarts) {
            Instant to = from.plus(WEEK);
            if (!(from.isBefore(planned.end()) && planned.start().isBefore(to))) {
                continue;
            }
            Duration total = Duration.ZERO;
            for (Span s : all) {
                total = total.plus(s.overlap(from, to));
            }
            if (total.compareTo(worst) > 0) {
                worst = total;
            }
        }
        return worst;
    }
}
