package kz.qalqan.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Regions and districts read from the classpath resources {@code reference/kz-regions.csv} and
 * {@code reference/kz-districts.csv} (UTF-8, header row, RFC 4180 quoting). A district's id is its
 * 1-based data row number in file order, as in the registry's reference-data migration.
 */
public final class ReferenceRegions {

    public static final String REGIONS_RESOURCE = "reference/kz-regions.csv";
    public static final String DISTRICTS_RESOURCE = "reference/kz-districts.csv";

    /** A first-level division: 17 regions ({@code kind = region}) and 3 cities ({@code kind = city}). */
    public record Region(String code, String nameKk, String nameRu, String nameEn, String kind,
                         double lat, double lon, long population) {
        public boolean isCity() {
            return "city".equals(kind);
        }
    }

    /** A district or city administration of a region; {@code id} is the 1-based row of the CSV. */
    public record District(int id, String regionCode, String nameKk, String nameRu, String nameEn, String kind,
                           double lat, double lon) {
    }

    private final List<Region> regions;
    private final List<District> districts;
    private final Map<String, Region> regionsByCode;
    private final Map<String, List<District>> districtsByRegion;

    private ReferenceRegions(List<Region> regions, List<District> districts) {
        this.regions = List.copyOf(regions);
        this.districts = List.copyOf(districts);
        Map<String, Region> byCode = new LinkedHashMap<>();
        for (Region region : regions) {
            if (byCode.put(region.code(), region) != null) {
                throw new IllegalStateException("Duplicate region code " + region.code());
            }
        }
        Map<String, List<District>> byRegion = new HashMap<>();
        for (District district : districts) {
            if (!byCode.containsKey(district.regionCode())) {
                throw new IllegalStateException("District " + district.id() + " has unknown region " + district.regionCode());
            }
            byRegion.computeIfAbsent(district.regionCode(), k -> new ArrayList<>()).add(district);
        }
        byRegion.replaceAll((k, v) -> List.copyOf(v));
        this.regionsByCode = Collections.unmodifiableMap(byCode);
        this.districtsByRegion = Collections.unmodifiableMap(byRegion);
    }

    /** Loads both files from the classpath of this class. */
    public static ReferenceRegions load() {
        return parse(readResource(REGIONS_RESOURCE), readResource(DISTRICTS_RESOURCE));
    }

    /** Parses the contents of the two CSV files. */
    public static ReferenceRegions parse(String regionsCsv, String districtsCsv) {
        List<Region> regions = new ArrayList<>();
        for (Map<String, String> row : rows(regionsCsv, REGIONS_RESOURCE)) {
            regions.add(new Region(
                    required(row, "code"), required(row, "name_kk"), required(row, "name_ru"), required(row, "name_en"),
                    required(row, "kind"),
                    Double.parseDouble(required(row, "center_lat")), Double.parseDouble(required(row, "center_lon")),
                    Long.parseLong(required(row, "population"))));
        }
        List<District> districts = new ArrayList<>();
        int id = 0;
        for (Map<String, String> row : rows(districtsCsv, DISTRICTS_RESOURCE)) {
            id++;
            districts.add(new District(id,
                    required(row, "region_code"), required(row, "name_kk"), required(row, "name_ru"), required(row, "name_en"),
                    required(row, "kind"),
                    Double.parseDouble(required(row, "center_lat")), Double.parseDouble(required(row, "center_lon"))));
        }
        return new ReferenceRegions(regions, districts);
    }

    public List<Region> regions() {
        return regions;
    }

    public List<District> districts() {
        return districts;
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regionsByCode.get(code));
    }

    /** The districts of a region in file order; empty when the reference has none for it. */
    public List<District> districtsOf(String regionCode) {
        return districtsByRegion.getOrDefault(regionCode, List.of());
    }

    public Optional<District> district(int id) {
        return id >= 1 && id <= districts.size() ? Optional.of(districts.get(id - 1)) : Optional.empty();
    }

    private static String readResource(String name) {
        try (InputStream in = ReferenceRegions.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing value in column " + column + ": " + row);
        }
        return value.strip();
    }

    /** Data rows as column-name → value maps (header names lower-cased). Blank records are skipped. */
    private static List<Map<String, String>> rows(String csv, String source) {
        List<List<String>> records = parseRecords(csv);
        if (records.isEmpty()) {
            throw new IllegalStateException(source + " has no header row");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new IllegalStateException(source + " record " + (i + 1) + " has " + fields.size()
                        + " fields, the header has " + header.size());
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), fields.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Splits CSV text into records of fields (RFC 4180: ',' delimiter, '"' quoting with '""' as an
     * escaped quote, quoted fields may hold commas and line breaks; CRLF or LF record ends; a leading
     * UTF-8 BOM is ignored).
     */
    static List<List<String>> parseRecords(String csv) {
        List<List<String>> records = new ArrayList<>();
        int start = !csv.isEmpty() && csv.charAt(0) == '\uFEFF' ? 1 : 0;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int n = csv.length();
        for (int i = start; i < n; i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalStateException("Unterminated quoted field at end of CSV");
        }
        if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** Splits one CSV line into fields with the rules of {@link #parseRecords(String)}. */
    public static List<String> parseLine(String line) {
        List<List<String>> records = parseRecords(line);
        if (records.size() > 1) {
            throw new IllegalArgumentException("More than one record in a line");
        }
        return records.isEmpty() ? List.of("") : records.get(0);
    }
}
