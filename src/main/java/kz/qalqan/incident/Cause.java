package kz.qalqan.incident;

/** What caused it (DOMAIN.md §7). */
public enum Cause {
    FALL, RUNNING, LIFTING, VEHICLE, WEAPON, HEAT, COLD, OTHER
}
