package kz.qalqan.training;

import java.util.List;

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
}
