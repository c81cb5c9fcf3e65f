package kz.qalqan.safety;

import java.util.List;

/**
 * The words of a hazard taken from the library are reference data: they are shown in the reader's language,
 * whatever language the preparer's page was in when they were copied. Words a person typed stay as typed.
 */
final class LibraryWords {

    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private LibraryWords() {
    }

    /** The hazard's name in {@code language} when {@code stored} is the library's name in any language. */
    static String name(HazardTemplate template, String stored, String language) {
        for (String l : LANGUAGES) {
            if (template.name(l).equals(stored)) {
                return template.name(language);
            }
        }
        return stored;
    }

    /** A control in {@code language} when {@code stored} is one of the library's suggested controls in any language. */
    static String control(HazardTemplate template, String stored, String language) {
        for (String l : LANGUAGES) {
            int at = template.controls(l).indexOf(stored);
            if (at >= 0 && at < template.controls(language).size()) {
                return template.controls(language).get(at);
            }
        }
        return stored;
    }
}
