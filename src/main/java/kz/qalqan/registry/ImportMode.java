package kz.qalqan.registry;

import java.util.Locale;
import java.util.Optional;

/** All-or-nothing writes nothing when any row is bad; accept-valid writes the good rows and reports the rest. */
public enum ImportMode {
    ALL_OR_NOTHING, ACCEPT_VALID;

    public static Optional<ImportMode> fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ALL_OR_NOTHING);
        }
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "all-or-nothing" -> Optional.of(ALL_OR_NOTHING);
            case "accept-valid" -> Optional.of(ACCEPT_VALID);
            default -> Optional.empty();
        };
    }
}
