package kz.qalqan.platform.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static kz.qalqan.support.Properties.between;
import static kz.qalqan.support.Properties.defaultSeed;
import static kz.qalqan.support.Properties.forAll;
import static kz.qalqan.support.Properties.oneOf;

/** Whatever {@link CsvWriter} writes, {@link CsvReader} reads back unchanged, whatever the read sizes. */
class CsvRoundTripTests {

    /** Pieces that stress CSV: both delimiters, quotes, every line break, spaces, a BOM, Kazakh letters, emoji. */
    private static final List<String> TOKENS = List.of(
            ",", ";", "\"", "\"\"", "\n", "\r", "\r\n", " ", "\t", "\uFEFF",
            "a", "Z", "0", "é", "Қ", "ә", "Ө", "ү", "Ұ", "і", "ң", "ғ", "Һ", "😀", "🇰🇿");

    @Test
    void tablesRoundTrip() {
        forAll(300, defaultSeed(), random -> {
            List<List<String>> rows = table(random);
            char delimiter = oneOf(random, ',', ';');
            String csv = write(rows, delimiter);

            CsvReader reader = CsvReader.open(new StringReader(csv));
            if (rows.get(0).size() > 1) {
                assertThat(reader.delimiter()).isEqualTo(delimiter);
            }
            assertThat(fields(CsvReaderTests.readAll(reader))).isEqualTo(rows);
        });
    }

    @Test
    void rowsOfAnyCharactersAndWidthsRoundTripWithCommas() {
        forAll(300, defaultSeed(), random -> {
            List<List<String>> rows = raggedRows(random);
            String csv = write(rows, ',');

            assertThat(fields(CsvReaderTests.readAll(CsvReader.open(new StringReader(csv))))).isEqualTo(rows);
        });
    }

    @Test
    void tablesRoundTripThroughUtf8BytesReadInPieces() {
        forAll(200, defaultSeed(), random -> {
            List<List<String>> rows = table(random);
            byte[] bytes = write(rows, oneOf(random, ',', ';')).getBytes(UTF_8);
            int chunk = between(random, 1, 9);

            assertThat(fields(CsvReaderTests.readAll(CsvReader.open(Chunked.bytes(bytes, chunk))))).isEqualTo(rows);
            assertThat(fields(CsvReaderTests.readAll(CsvReader.open(new ByteArrayInputStream(bytes))))).isEqualTo(rows);
        });
    }

    @Test
    void recordsStartOnThePhysicalLineAfterAllEarlierLineBreaks() {
        forAll(300, defaultSeed(), random -> {
            List<List<String>> rows = table(random);
            int chunk = between(random, 1, 5);
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
        });
    }

    @Test
    void readSizesDoNotChangeTheOutcome() {
        forAll(500, defaultSeed(), random -> {
            String csv = noise(random);
            int chunk = between(random, 1, 5);

            assertThat(outcome(Chunked.reader(csv, chunk))).isEqualTo(outcome(new StringReader(csv)));
        });
    }

    private static String tokens(SplittableRandom random, List<String> pool, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = between(random, 0, max); i > 0; i--) {
            sb.append(pool.get(random.nextInt(pool.size())));
        }
        return sb.toString();
    }

    private static List<List<String>> table(SplittableRandom random) {
        int width = between(random, 1, 6);
        List<List<String>> rows = new ArrayList<>();
        for (int r = between(random, 1, 12); r > 0; r--) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                row.add(tokens(random, TOKENS, 8));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> raggedRows(SplittableRandom random) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = between(random, 1, 10); r > 0; r--) {
            List<String> row = new ArrayList<>();
            for (int c = between(random, 1, 6); c > 0; c--) {
                if (random.nextBoolean()) {
                    StringBuilder any = new StringBuilder();
                    for (int i = between(random, 0, 10); i > 0; i--) {
                        any.append((char) random.nextInt(0x10000));
                    }
                    row.add(any.toString());
                } else {
                    row.add(tokens(random, TOKENS, 8));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Arbitrary text, mostly characters that matter to CSV, well-formed or not. */
    private static String noise(SplittableRandom random) {
        return tokens(random, List.of(",", ";", "\"", "\n", "\r", " ", "a", "Қ", "😀", "\uFEFF"), 40);
    }

    private static String write(List<List<String>> rows, char delimiter) {
        StringWriter out = new StringWriter();
        CsvWriter writer = CsvWriter.verbatim(out, delimiter);
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
