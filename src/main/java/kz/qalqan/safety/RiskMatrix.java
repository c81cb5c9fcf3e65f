package kz.qalqan.safety;

import static kz.qalqan.safety.RiskLevel.EH;
import static kz.qalqan.safety.RiskLevel.H;
import static kz.qalqan.safety.RiskLevel.L;
import static kz.qalqan.safety.RiskLevel.M;

/** The ATP 5-19 risk assessment matrix: severity × probability → risk level. */
public final class RiskMatrix {

    /** Rows by severity I–IV, columns by probability A–E, copied from ATP 5-19 (DOMAIN.md §3). */
    private static final RiskLevel[][] TABLE = {
            {EH, EH, H, H, M},
            {EH, H, H, M, L},
            {H, M, M, L, L},
            {M, L, L, L, L},
    };

    private RiskMatrix() {
    }

    public static RiskLevel level(Probability probability, Severity severity) {
        return TABLE[severity.ordinal()][probability.ordinal()];
    }
}
