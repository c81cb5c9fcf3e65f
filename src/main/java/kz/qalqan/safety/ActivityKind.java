package kz.qalqan.safety;

import java.util.Locale;
import java.util.Optional;

/** What a risk assessment covers: a training event (its id is the training event's) or another activity. */
public enum ActivityKind {
    TRAINING_EVENT, OTHER;

    public static Optional<ActivityKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ActivityKind k : values()) {
            if (k.name().equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
