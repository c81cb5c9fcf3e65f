package kz.qalqan.training;

/**
 * The acute:chronic workload ratio bands of DOMAIN.md §6 (after Gabbett 2016): below 0.8 under-loaded,
 * 0.8 to 1.3 (both included) the "sweet spot", above 1.3 and below 1.5 caution, 1.5 and above danger.
 * A flag to look closer, never a diagnosis (Impellizzeri 2020: a weak predictor of injury). Without data
 * there is no flag at all — never a "safe" one.
 */
public enum AcwrFlag {
    UNDER, SWEET_SPOT, CAUTION, DANGER;

    public static final double UNDER_BELOW = 0.8;
    public static final double SWEET_SPOT_UP_TO = 1.3;
    public static final double DANGER_FROM = 1.5;

    public static AcwrFlag of(double ratio) {
        if (Double.isNaN(ratio) || ratio < 0) {
            throw new IllegalArgumentException("not a workload ratio: " + ratio);
        }
        if (ratio < UNDER_BELOW) {
            return UNDER;
        }
        if (ratio <= SWEET_SPOT_UP_TO) {
            return SWEET_SPOT;
        }
        return ratio < DANGER_FROM ? CAUTION : DANGER;
    }
}
