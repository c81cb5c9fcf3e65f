package kz.qalqan.emergency.accountability;

import java.util.Locale;
import java.util.Optional;

/** Where a member of an emergency's area stands (DOMAIN.md §10): UNKNOWN until someone reports. */
public enum AccountabilityStatus {
    UNKNOWN, SAFE, NEEDS_ASSISTANCE, INJURED, MISSING;

    /** Whether the member is accounted for (anything but UNKNOWN, MISSING included: someone knows). */
    public boolean accounted() {
        return this != UNKNOWN;
    }

    public static Optional<AccountabilityStatus> parse(String text) {
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
