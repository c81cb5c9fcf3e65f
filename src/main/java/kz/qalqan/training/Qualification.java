package kz.qalqan.training;

import java.util.List;
import java.util.Locale;

/**
 * A qualification in the catalogue.
 *
 * @param validityMonths how long an award stays valid; {@code null} when it never expires
 * @param prerequisites  codes that must be held and current on the award date
 */
public record Qualification(String code, String nameKk, String nameRu, String nameEn, String category,
                            Integer validityMonths, List<String> prerequisites) {

    public Qualification {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    }

    /** The name in the language of {@code locale}: Russian, English, else Kazakh. */
    public String name(Locale locale) {
        return switch (locale == null ? "kk" : locale.getLanguage()) {
            case "ru" -> nameRu;
            case "en" -> nameEn;
            default -> nameKk;
        };
    }
}
