package kz.qalqan.notification;

import java.util.Locale;
import java.util.Optional;

/** A member's answer to a message that expects one. */
public enum Answer {
    ACCEPT, DECLINE, UNABLE;

    public static Optional<Answer> parse(String text) {
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
