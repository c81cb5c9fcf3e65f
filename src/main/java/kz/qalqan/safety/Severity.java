package kz.qalqan.safety;

import java.util.Locale;
import java.util.Optional;

/** ATP 5-19 severity of a hazard's outcome, I (worst) to IV (least). */
public enum Severity {
    I("Catastrophic"), II("Critical"), III("Moderate"), IV("Negligible");

    private final String description;

    Severity(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Reads the Roman numeral ({@code II}) or the word ({@code critical}), ignoring case. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.description.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
