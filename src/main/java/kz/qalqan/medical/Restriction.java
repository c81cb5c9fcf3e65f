package kz.qalqan.medical;

/** Activities a limitation profile rules out; NO_LOAD_OVER_KG carries a kilogram limit. */
public enum Restriction {
    NO_RUNNING, NO_LOAD_OVER_KG, NO_HEAT_EXPOSURE, NO_NIGHT_DRIVING, NO_WEAPONS, NO_HEIGHTS
}
