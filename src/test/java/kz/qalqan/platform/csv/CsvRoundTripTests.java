package kz.qalqan.platform.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever {@link CsvWriter} writes, {@link CsvReader} reads back unchanged, whatever the read sizes. */
class CsvRoundTripTests {

    /** Pieces that stress CSV: both delimiters, quotes, every line break, spaces, a BOM, Kazakh letters, emoji. */
    private static final List<String> TOKENS = List.of(
            ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", "\uFEFF",
            "a", "Z", "0", "é", "Қ", "ә", "Ө", "ү", "Ұ", "і", "ң", "ғ", "Һ", "😀", "🇰🇿");

    @Property(tries = 300)
    void tablesRoundTrip(@ForAll("tables") List<List<String>> rows, @ForAll("delimiters") char delimiter) {
        String csv = write(rows, delimiter);

        CsvReader reader = CsvReader.open(new StringReader(csv));
        if (rows.get(0).size() > 1) {
            assertThat(reader.delimiter()).isEqualTo(delimiter);
        }
        assertThat(fields(CsvReaderTests.readAll(reader))).isEqualTo(rows);
    }

    @Property(tries = 300)
    void rowsOfAnyCharactersAndWidthsRoundTripWithCommas(@ForAll("raggedRows") List<List<String>> rows) {
        String csv = write(rows, ',');

        assertThat(fields(CsvReaderTests.readAll(CsvReader.open(new StringReader(csv))))).isEqualTo(rows);
    }

    @Property(tries = 200)
    void tablesRoundTripThroughUtf8BytesReadInPieces(@ForAll("tables") List<List<String>> rows,
            @ForAll("delimiters") char delimiter, @ForAll @IntRange(min = 1, max = 9) int chunk) {
        byte[] bytes = write(rows, delimiter).getBytes(UTF_8);

        assertThat(fields(CsvReaderTests.readAll(CsvReader.open(Chunked.bytes(bytes, chunk))))).isEqualTo(rows);
        assertThat(fields(CsvReaderTests.readAll(CsvReader.open(new ByteArrayInputStream(bytes))))).isEqualTo(rows);
    }

    @Property(tries = 300)
    void recordsStartOnThePhysicalLineAfterAllEarlierLineBreaks(@ForAll("tables") List<List<String>> rows,
            @ForAll @IntRange(min = 1, max = 5) int chunk) {
        String csv = write(rows, ',');
        List<Long> expected = new ArrayList<>();
        long line = 1;
        for (List<String> row : rows) {
            expected.add(line);
            // Counted field by field: a CR ending one field and an LF starting the next are two breaks.
            line += 1 + row.stream().mapToLong(CsvRoundTripTests::lineBreaks).sum();
        }

        List<CsvRecord> records = CsvReaderTests.readAll(CsvReader.open(Chunked.reader(csv, chunk)));

        assertThat(records).extracting(CsvRecord::line).isEqualTo(expected);
    }

    @Property(tries = 500)
    void readSizesDoNotChangeTheOutcome(@ForAll("noise") String csv, @ForAll @IntRange(min = 1, max = 5) int chunk) {
        assertThat(outcome(Chunked.reader(csv, chunk))).isEqualTo(outcome(new StringReader(csv)));
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';');
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.of(TOKENS).list().ofMaxSize(8).map(tokens -> String.join("", tokens));
        return Arbitraries.integers().between(1, 6)
                .flatMap(width -> cell.list().ofSize(width).list().ofMinSize(1).ofMaxSize(12));
    }

    @Provide
    Arbitrary<List<List<String>>> raggedRows() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(10),
                Arbitraries.of(TOKENS).list().ofMaxSize(8).map(tokens -> String.join("", tokens)));
        return cell.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(10);
    }

    /** Arbitrary text, mostly characters that matter to CSV, well-formed or not. */
    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.of(",", ";", "\"", "\n", "\r", " ", "a", "Қ", "😀", "\uFEFF")
                .list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    private static String write(List<List<String>> rows, char delimiter) {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out, delimiter);
        rows.forEach(writer::row);
        return out.toString();
    }

    private static List<List<String>> fields(List<CsvRecord> records) {
        return records.stream().map(CsvRecord::fields).toList();
    }

    private static long lineBreaks(String text) {
        long breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /** The records read, or the error with its line: what a caller can observe. */
    private static Object outcome(java.io.Reader in) {
        try {
            return CsvReaderTests.readAll(CsvReader.open(in));
        } catch (CsvFormatException e) {
            return e.line() + ": " + e.getMessage();
        }
    }
}
