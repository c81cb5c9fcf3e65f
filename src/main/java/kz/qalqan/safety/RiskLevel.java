package kz.qalqan.safety;

/**
 * ATP 5-19 risk levels, declared from the lowest to the highest so that the natural order is the order
 * of risk: an overall residual risk is the {@link #max} of the residual risks of its hazards.
 */
public enum RiskLevel {
    L("Low"), M("Medium"), H("High"), EH("Extremely high");

    private final String description;

    RiskLevel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isHigherThan(RiskLevel other) {
        return compareTo(other) > 0;
    }

    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public ApprovalAuthority approvalAuthority() {
        return ApprovalAuthority.forLevel(this);
    }
}
