package kz.qalqan.incident;

import java.util.List;

/**
 * A u-chart (defects per unit with a varying area of opportunity) with Poisson limits:
 * centre {@code ū = Σcᵢ / Σnᵢ}, limits {@code ū ± 3·sqrt(ū / nᵢ)} per subgroup, the lower one never below 0.
 * A subgroup above its upper limit is flagged. Here a subgroup is a unit in a period, {@code c} its injuries and
 * {@code n} its exposure in thousands of person-days, so {@code u} is the rate per 1,000 person-days.
 */
public final class UChart {

    /** One subgroup's count {@code c} over its size {@code n} (n &gt; 0). */
    public record Subgroup(String key, long c, double n) {
        public Subgroup {
            if (!(n > 0) || c < 0) {
                throw new IllegalArgumentException("a subgroup needs n > 0 and c >= 0: " + key);
            }
        }
    }

    /** A plotted point with its own limits. */
    public record Point(String key, long c, double n, double u, double lcl, double ucl, boolean aboveUpperLimit) {
    }

    private final double centre;
    private final List<Point> points;

    private UChart(double centre, List<Point> points) {
        this.centre = centre;
        this.points = points;
    }

    /** The chart with its centre estimated from the subgroups themselves. */
    public static UChart of(List<Subgroup> subgroups) {
        long c = subgroups.stream().mapToLong(Subgroup::c).sum();
        double n = subgroups.stream().mapToDouble(Subgroup::n).sum();
        return withCentre(n == 0 ? 0 : c / n, subgroups);
    }

    /** The chart around a known centre {@code ū} (from an earlier baseline). */
    public static UChart withCentre(double centre, List<Subgroup> subgroups) {
        List<Point> points = subgroups.stream().map(s -> {
            double sigma = Math.sqrt(centre / s.n());
            double u = s.c() / s.n();
            double ucl = centre + 3 * sigma;
            return new Point(s.key(), s.c(), s.n(), u, Math.max(0, centre - 3 * sigma), ucl, u > ucl);
        }).toList();
        return new UChart(centre, points);
    }

    public double centre() {
        return centre;
    }

    public List<Point> points() {
        return points;
    }
}
