package kz.qalqan.emergency;

import java.util.Locale;
import java.util.Optional;

/** How severe an emergency is, on the CAP 1.2 scale. */
public enum Severity {
    EXTREME, SEVERE, MODERATE, MINOR, UNKNOWN;

    /** From a CAP {@code severity} value ({@code Extreme}, {@code Severe}, …). */
    public static Optional<Severity> fromCap(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** As CAP writes it. */
    public String capValue() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
