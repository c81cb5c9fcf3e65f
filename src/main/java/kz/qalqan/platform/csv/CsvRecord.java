package kz.qalqan.platform.csv;

import java.util.List;

/**
 * One CSV record.
 *
 * @param line   the physical line (1-based, as an editor shows it) on which the record starts
 * @param fields the field values, never {@code null}; at least one
 */
public record CsvRecord(long line, List<String> fields) {

    public CsvRecord {
        // List.copyOf returns an already immutable list as is, so the reader's copy is not copied twice.
        fields = List.copyOf(fields);
    }

    public int size() {
        return fields.size();
    }

    public String get(int i) {
        return fields.get(i);
    }
}
