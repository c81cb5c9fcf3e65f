package kz.qalqan.readiness;

/**
 * The four measured areas of unit readiness (DOMAIN.md §9) with their thresholds in whole percent: level 1
 * at or above {@code level1}, 2 at or above {@code level2}, 3 at or above {@code level3}, else 4.
 */
public enum Dimension {
    /** Personnel: authorised positions filled by members qualified and medically fit for them. */
    P(90, 80, 70),
    /** Training: required qualifications of held positions that are current. */
    T(85, 70, 55),
    /** Equipment on hand against authorised. */
    S(90, 80, 65),
    /** Equipment on hand that is serviceable with its inspection in date. */
    R(90, 70, 60);

    private final int level1;
    private final int level2;
    private final int level3;

    Dimension(int level1, int level2, int level3) {
        this.level1 = level1;
        this.level2 = level2;
        this.level3 = level3;
    }

    /** The least percentage for {@code level} (1–3); level 4 has none. */
    public int threshold(int level) {
        return switch (level) {
            case 1 -> level1;
            case 2 -> level2;
            case 3 -> level3;
            default -> throw new IllegalArgumentException("level 4 has no threshold");
        };
    }
}
