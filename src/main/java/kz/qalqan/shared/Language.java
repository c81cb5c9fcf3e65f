package kz.qalqan.shared;

import java.util.Locale;
import java.util.Optional;

/** The three languages of the platform; Kazakh is the default. */
public enum Language {
    KK, RU, EN;

    public static final Language DEFAULT = KK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "kk", "kz", "kaz" -> Optional.of(KK);
            case "ru", "rus" -> Optional.of(RU);
            case "en", "eng" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
