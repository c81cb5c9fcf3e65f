package kz.qalqan.safety;

import java.util.Locale;
import java.util.Optional;

/** ATP 5-19 probability of a hazard's outcome, A (most likely) to E (least likely). */
public enum Probability {
    A("Frequent"), B("Likely"), C("Occasional"), D("Seldom"), E("Unlikely");

    private final String description;

    Probability(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Reads the letter ({@code C}) or the word ({@code occasional}), ignoring case. */
    public static Optional<Probability> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (Probability p : values()) {
            if (p.name().equalsIgnoreCase(t) || p.description.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
