package kz.qalqan.safety;

/** The flag flown for a heat category; {@link #NONE} below category 1. */
public enum HeatFlag {
    NONE, WHITE, GREEN, YELLOW, RED, BLACK;

    public static HeatFlag forCategory(int category) {
        return values()[category];
    }
}
