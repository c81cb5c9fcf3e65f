package kz.qalqan.demo;

import java.util.List;
import java.util.Objects;

/**
 * An authorised position in a demo unit.
 *
 * @param title                  title in Kazakh
 * @param requiredQualifications qualification codes (lower case, e.g. {@code driver_c}), possibly empty
 * @param medicalStandard        {@code FIT} or {@code FIT_LIMITED}
 */
public record DemoPosition(String title, List<String> requiredQualifications, String medicalStandard) {

    public DemoPosition {
        Objects.requireNonNull(title, "title");
        requiredQualifications = List.copyOf(requiredQualifications);
        if (!"FIT".equals(medicalStandard) && !"FIT_LIMITED".equals(medicalStandard)) {
            throw new IllegalArgumentException("medical standard must be FIT or FIT_LIMITED: " + medicalStandard);
        }
    }
}
