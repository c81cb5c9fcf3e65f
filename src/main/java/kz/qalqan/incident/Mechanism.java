package kz.qalqan.incident;

/** How an injury came about: acute trauma, or cumulative microtrauma (overuse). */
public enum Mechanism {
    ACUTE_TRAUMA, OVERUSE
}
