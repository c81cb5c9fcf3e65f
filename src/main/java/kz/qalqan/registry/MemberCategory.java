package kz.qalqan.registry;

import java.util.Locale;
import java.util.Optional;

public enum MemberCategory {
    RESERVIST, VOLUNTEER, CIVIL_DEFENSE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemberCategory> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(RESERVIST);
        }
        String c = code.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (c) {
            case "reservist" -> Optional.of(RESERVIST);
            case "volunteer" -> Optional.of(VOLUNTEER);
            case "civil_defense", "civil_defence" -> Optional.of(CIVIL_DEFENSE);
            default -> Optional.empty();
        };
    }
}
