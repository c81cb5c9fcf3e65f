package kz.qalqan.shared;

import java.util.Locale;
import java.util.Optional;

/** TB MED 507 work intensity: easy, moderate or hard work. */
public enum WorkIntensity {
    EASY, MODERATE, HARD;

    public static Optional<WorkIntensity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
