package kz.qalqan.safety;

import kz.qalqan.shared.ActivityType;

import java.util.List;

/**
 * A hazard of the library: typical for an activity type, with its typical uncontrolled probability and
 * severity (hence {@link #level()}) and suggested controls, named in Kazakh, Russian and English.
 */
public record HazardTemplate(String code, ActivityType activityType, String nameKk, String nameRu, String nameEn,
                             Probability probability, Severity severity, RiskLevel level,
                             List<String> controlsKk, List<String> controlsRu, List<String> controlsEn) {

    public HazardTemplate {
        controlsKk = List.copyOf(controlsKk);
        controlsRu = List.copyOf(controlsRu);
        controlsEn = List.copyOf(controlsEn);
    }

    /** The name in a language code ({@code kk}, {@code ru}, {@code en}); Kazakh by default. */
    public String name(String language) {
        return switch (language == null ? "kk" : language) {
            case "ru" -> nameRu;
            case "en" -> nameEn;
            default -> nameKk;
        };
    }

    public List<String> controls(String language) {
        return switch (language == null ? "kk" : language) {
            case "ru" -> controlsRu;
            case "en" -> controlsEn;
            default -> controlsKk;
        };
    }
}
