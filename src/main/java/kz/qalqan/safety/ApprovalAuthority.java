package kz.qalqan.safety;

/**
 * Who must approve an activity at a given risk level — our default mapping of ATP 5-19 onto the
 * territorial-defense hierarchy (DOMAIN.md §3). Declared from the lowest to the highest echelon, so an
 * approval at a higher authority also covers the lower levels.
 */
public enum ApprovalAuthority {
    UNIT_COMMANDER("the unit's commander"),
    NEXT_HIGHER_ECHELON("the next higher echelon (district/battalion)"),
    REGION_TO_COMMANDER("the region's territorial-defense commander"),
    NATIONAL_COMMAND("national territorial-defense command");

    private final String description;

    ApprovalAuthority(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static ApprovalAuthority forLevel(RiskLevel level) {
        return switch (level) {
            case L -> UNIT_COMMANDER;
            case M -> NEXT_HIGHER_ECHELON;
            case H -> REGION_TO_COMMANDER;
            case EH -> NATIONAL_COMMAND;
        };
    }

    /** Whether an approval by this authority is enough for the given level (this level or above). */
    public boolean mayApprove(RiskLevel level) {
        return compareTo(forLevel(level)) >= 0;
    }
}
