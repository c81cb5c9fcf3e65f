package kz.qalqan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strings other open-source IIN validators test (reference/README.md §iin-peer-vectors), judged by our hard rules. */
class IinPeerVectorsTests {

    private static final String RESOURCE = "/iin/iin-peer-vectors.csv";

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void agreesWithQalqanVerdict(String iin, String verdict) {
        assertThat(verdict).isIn("valid", "invalid");
        assertThat(Iin.isValid(iin)).isEqualTo(verdict.equals("valid"));
    }

    @Test
    void readsEveryRowIncludingQuotedMultiLineFields() throws IOException {
        List<Map<String, String>> rows = records();
        assertThat(rows).hasSize(260);
        assertThat(rows).extracting(r -> r.get("iin"))
                .contains("", "            ", " 990940003030", "990940003030 ", "990940003030\n", "900 101 300 123");
    }

    static Stream<Arguments> rows() throws IOException {
        List<Map<String, String>> rows = records();
        return IntStream.range(0, rows.size()).mapToObj(i -> {
            String iin = rows.get(i).get("iin");
            String label = "row " + (i + 1) + ": \"" + iin.replace("\n", "\\n") + "\"";
            return Arguments.of(Named.of(label, iin), rows.get(i).get("qalqan_verdict"));
        });
    }

    private static List<Map<String, String>> records() throws IOException {
        try (InputStream in = IinPeerVectorsTests.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            List<List<String>> table = parseCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> header = table.get(0);
            return table.subList(1, table.size()).stream()
                    .map(record -> {
                        assertThat(record).as("fields of %s", record).hasSameSizeAs(header);
                        return IntStream.range(0, header.size()).boxed()
                                .collect(Collectors.toMap(header::get, record::get));
                    })
                    .toList();
        }
    }

    /**
     * RFC 4180: fields separated by commas, records by CRLF (LF also accepted); a quoted field may hold
     * commas, line breaks and doubled quotes. Unquoted fields are kept verbatim, spaces included.
     */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
            i++;
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    @Test
    void csvParserHandlesQuotesCommasAndLineBreaks() {
        assertThat(parseCsv("a,b\r\n\"x, \"\"y\"\"\n z\", w \r\n,\n"))
                .containsExactly(List.of("a", "b"), List.of("x, \"y\"\n z", " w "), List.of("", ""));
    }
}
