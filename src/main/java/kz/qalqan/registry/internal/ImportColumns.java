package kz.qalqan.registry.internal;

import kz.qalqan.platform.csv.CsvRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a member CSV: where each known column is, which are missing, which are unknown.
 * Names are matched case-insensitively, and spaces or hyphens count as underscores.
 */
final class ImportColumns {

    static final List<String> REQUIRED = List.of("iin", "last_name", "first_name", "region");
    static final List<String> KNOWN = List.of("iin", "last_name", "first_name", "middle_name", "category", "phone",
            "email", "region", "district", "unit", "lat", "lon", "language", "skills", "birth_date", "sex", "status");

    /** API field name → CSV column, to report rule violations under the column the user wrote. */
    static final Map<String, String> FIELD_TO_COLUMN = Map.ofEntries(
            Map.entry("iin", "iin"), Map.entry("lastName", "last_name"), Map.entry("firstName", "first_name"),
            Map.entry("middleName", "middle_name"), Map.entry("category", "category"), Map.entry("phone", "phone"),
            Map.entry("email", "email"), Map.entry("regionCode", "region"), Map.entry("districtId", "district"),
            Map.entry("unitId", "unit"), Map.entry("lat", "lat"), Map.entry("lon", "lon"),
            Map.entry("language", "language"), Map.entry("skills", "skills"), Map.entry("birthDate", "birth_date"),
            Map.entry("sex", "sex"), Map.entry("status", "status"), Map.entry("positionId", "unit"));

    private final Map<String, Integer> index;
    final List<String> missing;
    final List<String> unknown;
    final List<String> duplicated;
    final int width;

    private ImportColumns(Map<String, Integer> index, List<String> missing, List<String> unknown,
                          List<String> duplicated, int width) {
        this.index = index;
        this.missing = missing;
        this.unknown = unknown;
        this.duplicated = duplicated;
        this.width = width;
    }

    static ImportColumns of(CsvRecord header) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i).trim();
            String name = normalise(raw);
            if (name.isEmpty() && raw.isEmpty()) {
                unknown.add("(empty header in column " + (i + 1) + ")");
                continue;
            }
            if (!KNOWN.contains(name)) {
                unknown.add(raw);
            } else if (index.putIfAbsent(name, i) != null) {
                duplicated.add(raw);
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
        return new ImportColumns(new HashMap<>(index), missing, unknown, duplicated, header.size());
    }

    static String normalise(String header) {
        return header.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** The trimmed value of a column in a row, or null when the column is absent or the cell is blank. */
    String value(CsvRecord row, String column) {
        Integer i = index.get(column);
        if (i == null || i >= row.size()) {
            return null;
        }
        String v = row.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    String raw(CsvRecord row, String column) {
        Integer i = index.get(column);
        return i == null || i >= row.size() ? null : row.get(i);
    }
}
