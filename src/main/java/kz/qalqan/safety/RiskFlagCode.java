package kz.qalqan.safety;

/**
 * The individual risk flags (issue 5 item 5). Words in kk/ru/en are in the safety message bundle under
 * {@code safety.flag.<CODE>}.
 */
public enum RiskFlagCode {
    /** Acute:chronic workload ratio 1.5 or above (DOMAIN.md §6) — a flag to look closer, a weak predictor. */
    ACWR_DANGER,
    /** An injury, heat injury or cold injury reported in the last 12 months (DOMAIN.md §7). */
    RECENT_INJURY,
    /** An active medical profile restriction relevant to the activity ({@link RestrictionRelevance}). */
    MEDICAL_RESTRICTION,
    /** A heat or cold injury at any time before. */
    PREVIOUS_HEAT_OR_COLD_INJURY,
    /** Outdoor activity in the hot season without acclimatisation ({@link HotSeason}). */
    UNACCLIMATISED
}
