package kz.qalqan.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Acute (7-day) and chronic (28-day) training load and their ratio, computed from daily loads
 * (Σ duration × session RPE per day).
 *
 * <p>{@link Method#EWMA} follows Williams et al. 2017 (Br J Sports Med 51:209–210): {@code EWMA_today =
 * load_today · λ + (1 − λ) · EWMA_yesterday} with {@code λ = 2 / (N + 1)}, N = 7 and 28 days. The series is
 * seeded with the member's first recorded day (EWMA = that day's load), as the ACWR R package of
 * Lorenzo-Lorenzo et al. does; days without training count as load 0. {@link Method#ROLLING} uses the
 * plain 7- and 28-day averages (coupled: the 28 days include the last 7).
 *
 * <p>No recorded load in the last 28 days, or a chronic load of 0, gives no ratio and no flag.
 */
public final class WorkloadRatio {

    public static final int ACUTE_DAYS = 7;
    public static final int CHRONIC_DAYS = 28;

    public enum Method { EWMA, ROLLING }

    /** The loads of one day and the averages at the end of it; {@code ratio} and {@code flag} may be null. */
    public record Day(LocalDate day, long load, double acute, double chronic, Double ratio, AcwrFlag flag) {
    }

    private WorkloadRatio() {
    }

    public static double lambda(int days) {
        return 2.0 / (days + 1);
    }

    /**
     * One value per day from {@code from} to {@code to} inclusive. {@code loads} may hold days before
     * {@code from}: they feed the averages (pass at least the 28 days before, or the whole history for EWMA).
     */
    public static List<Day> series(Map<LocalDate, Long> loads, LocalDate from, LocalDate to, Method method) {
        TreeMap<LocalDate, Long> sorted = new TreeMap<>(loads);
        List<Day> out = new ArrayList<>();
        if (to.isBefore(from)) {
            return out;
        }
        LocalDate first = sorted.isEmpty() ? from : sorted.firstKey();
        LocalDate start = first.isBefore(from) ? first : from;
        double acute = 0;
        double chronic = 0;
        boolean seeded = false;
        double la = lambda(ACUTE_DAYS);
        double lc = lambda(CHRONIC_DAYS);
        for (LocalDate d = start; !d.isAfter(to); d = d.plusDays(1)) {
            long load = sorted.getOrDefault(d, 0L);
            if (method == Method.EWMA) {
                if (!seeded) {
                    if (!d.isBefore(first) && sorted.containsKey(d)) {
                        acute = load;
                        chronic = load;
                        seeded = true;
                    }
                } else {
                    acute = load * la + (1 - la) * acute;
                    chronic = load * lc + (1 - lc) * chronic;
                }
            } else {
                acute = sum(sorted, d, ACUTE_DAYS) / (double) ACUTE_DAYS;
                chronic = sum(sorted, d, CHRONIC_DAYS) / (double) CHRONIC_DAYS;
            }
            if (!d.isBefore(from)) {
                boolean recent = !sorted.subMap(d.minusDays(CHRONIC_DAYS - 1), true, d, true).isEmpty();
                Double ratio = recent && chronic > 0 ? acute / chronic : null;
                out.add(new Day(d, load, acute, chronic, ratio, ratio == null ? null : AcwrFlag.of(ratio)));
            }
        }
        return out;
    }

    /** The ratio on {@code day}, or null when there is none. */
    public static Day on(Map<LocalDate, Long> loads, LocalDate day, Method method) {
        return series(loads, day, day, method).get(0);
    }

    private static long sum(TreeMap<LocalDate, Long> loads, LocalDate day, int days) {
        return loads.subMap(day.minusDays(days - 1), true, day, true).values().stream().mapToLong(Long::longValue).sum();
    }
}
