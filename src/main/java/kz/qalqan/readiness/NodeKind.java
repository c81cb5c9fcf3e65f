package kz.qalqan.readiness;

/** The levels of the hierarchy readiness is rolled up to. */
public enum NodeKind {
    NATIONAL, REGION, DISTRICT, UNIT
}
