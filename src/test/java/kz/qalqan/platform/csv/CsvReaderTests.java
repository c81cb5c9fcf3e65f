package kz.qalqan.platform.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    private static final int[] CHUNKS = {1, 2, 3, 7};

    /** Reads all records, checking that reading a few characters at a time gives exactly the same. */
    static List<CsvRecord> read(String csv) {
        List<CsvRecord> whole = readAll(CsvReader.open(new StringReader(csv)));
        for (int chunk : CHUNKS) {
            assertThat(readAll(CsvReader.open(Chunked.reader(csv, chunk))))
                    .as("read %d characters at a time", chunk)
                    .isEqualTo(whole);
        }
        return whole;
    }

    static List<List<String>> fields(String csv) {
        return read(csv).stream().map(CsvRecord::fields).toList();
    }

    static List<Long> lines(String csv) {
        return read(csv).stream().map(CsvRecord::line).toList();
    }

    /** Reads UTF-8 bytes, checking that reading one byte at a time gives exactly the same. */
    static List<CsvRecord> readBytes(byte[] bytes) {
        List<CsvRecord> whole = readAll(CsvReader.open(new ByteArrayInputStream(bytes)));
        assertThat(readAll(CsvReader.open(Chunked.bytes(bytes, 1)))).as("one byte at a time").isEqualTo(whole);
        return whole;
    }

    static List<CsvRecord> readAll(CsvReader reader) {
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    static char delimiterOf(String csv) {
        return CsvReader.open(new StringReader(csv)).delimiter();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void readsHeaderAndRowsWithLineNumbers() {
        List<CsvRecord> records = read("iin,name\n900101300123,Асан\n");

        assertThat(records).containsExactly(
                new CsvRecord(1, List.of("iin", "name")),
                new CsvRecord(2, List.of("900101300123", "Асан")));
        assertThat(records.get(1).size()).isEqualTo(2);
        assertThat(records.get(1).get(1)).isEqualTo("Асан");
    }

    @Test
    void emptyInputHasNoRecords() {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\r\n\r")).isEmpty();
    }

    @Test
    void keepsReturningNullAfterTheEnd() {
        CsvReader reader = CsvReader.open(new StringReader("a\n"));
        assertThat(reader.next()).isNotNull();
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void recordFieldsAreImmutable() {
        CsvRecord record = read("a,b").get(0);
        assertThatThrownBy(() -> record.fields().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void closeClosesTheSource() throws IOException {
        boolean[] closed = {false};
        Reader source = new StringReader("a") {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        CsvReader.open(source).close();
        assertThat(closed[0]).isTrue();
    }

    @Nested
    class ByteOrderMark {

        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        @Test
        void isSkippedAtTheStartOfUtf8Bytes() {
            List<CsvRecord> records = readBytes(concat(BOM, "iin;name\n1;Ә\n".getBytes(UTF_8)));

            assertThat(records).containsExactly(
                    new CsvRecord(1, List.of("iin", "name")),
                    new CsvRecord(2, List.of("1", "Ә")));
        }

        @Test
        void isOptional() {
            assertThat(readBytes("iin;name\n".getBytes(UTF_8)))
                    .containsExactly(new CsvRecord(1, List.of("iin", "name")));
        }

        @Test
        void doesNotHideTheDelimiterOrAQuoteAfterIt() {
            CsvReader reader = CsvReader.open(new ByteArrayInputStream(concat(BOM, "\"a;b\";c;d\n".getBytes(UTF_8))));

            assertThat(reader.delimiter()).isEqualTo(';');
            assertThat(reader.next().fields()).containsExactly("a;b", "c", "d");
        }

        @Test
        void isSkippedAsAFirstCharacter() {
            assertThat(fields("\uFEFFa,b\n")).containsExactly(List.of("a", "b"));
        }

        @Test
        void isKeptElsewhere() {
            assertThat(fields("a\n\uFEFFb\n")).containsExactly(List.of("a"), List.of("\uFEFFb"));
            assertThat(fields("\uFEFF\uFEFFa")).containsExactly(List.of("\uFEFFa"));
        }

        @Test
        void aloneIsAnEmptyInput() {
            assertThat(readBytes(BOM)).isEmpty();
            assertThat(CsvReader.open(new ByteArrayInputStream(BOM)).delimiter()).isEqualTo(',');
        }
    }

    @Nested
    class DelimiterDetection {

        @Test
        void commaWhenCommasDominate() {
            assertThat(delimiterOf("a,b,c\n1;2;3;4;5\n")).isEqualTo(',');
        }

        @Test
        void semicolonWhenSemicolonsDominate() {
            assertThat(delimiterOf("a;b;c,d\n")).isEqualTo(';');
            assertThat(fields("a;b;c,d\n1;2;3,4\n")).containsExactly(List.of("a", "b", "c,d"), List.of("1", "2", "3,4"));
        }

        @Test
        void commaOnATie() {
            assertThat(delimiterOf("a;b,c\n")).isEqualTo(',');
            assertThat(delimiterOf("name\n")).isEqualTo(',');
        }

        @Test
        void commaForAnEmptyInput() {
            assertThat(delimiterOf("")).isEqualTo(',');
            assertThat(delimiterOf("\n\n")).isEqualTo(',');
        }

        @Test
        void ignoresSemicolonsInsideQuotesOfACommaFile() {
            String csv = "iin,\"Surname; name; patronymic\",phone\n1,\"Ахметов; Ерлан; Серікұлы\",+77010000000\n";

            assertThat(delimiterOf(csv)).isEqualTo(',');
            assertThat(fields(csv)).containsExactly(
                    List.of("iin", "Surname; name; patronymic", "phone"),
                    List.of("1", "Ахметов; Ерлан; Серікұлы", "+77010000000"));
        }

        @Test
        void ignoresCommasInsideQuotesOfASemicolonFile() {
            String csv = "\"a,b,c\";d;\"e,\"\"f\"\",g\"\n";

            assertThat(delimiterOf(csv)).isEqualTo(';');
            assertThat(fields(csv)).containsExactly(List.of("a,b,c", "d", "e,\"f\",g"));
        }

        @Test
        void looksOnlyAtTheFirstRecord() {
            assertThat(delimiterOf("a;b\nc,d,e,f,g\n")).isEqualTo(';');
        }

        @Test
        void looksAtTheWholeFirstRecordEvenAcrossQuotedLineBreaks() {
            assertThat(delimiterOf("\"x\n,,,,\";a;b\nc\n")).isEqualTo(';');
            assertThat(delimiterOf("\"x\n;;;;\",a,b\n")).isEqualTo(',');
        }

        @Test
        void skipsLeadingEmptyLines() {
            assertThat(delimiterOf("\n\r\n\ra;b\n")).isEqualTo(';');
        }

        @Test
        void treatsAQuoteInsideAnUnquotedFieldLiterally() {
            // If the quote opened a quoted field, the ';' would be hidden and ',' would win.
            assertThat(delimiterOf("a\"b;c;d,\"e\n")).isEqualTo(';');
        }

        @Test
        void worksBeforeTheFirstRecordIsReadAndDoesNotConsumeIt() {
            CsvReader reader = CsvReader.open(Chunked.reader("a;b\nc;d\n", 1));

            assertThat(reader.delimiter()).isEqualTo(';');
            assertThat(reader.next()).isEqualTo(new CsvRecord(1, List.of("a", "b")));
            assertThat(reader.delimiter()).isEqualTo(';');
            assertThat(reader.next()).isEqualTo(new CsvRecord(2, List.of("c", "d")));
        }

        @Test
        void detectsInAFirstRecordLongerThanTheBuffer() {
            String csv = "a;b;" + "x".repeat(100_000) + "\nc;d;e\n";

            assertThat(delimiterOf(csv)).isEqualTo(';');
            assertThat(read(csv)).extracting(CsvRecord::size).containsExactly(3, 3);
        }

        @Test
        void countsOnlyTheFirst64KibOfAnOverlongFirstRecord() {
            assertThat(delimiterOf("a," + "x".repeat(70_000) + ";;;\n")).isEqualTo(',');
        }
    }

    @Nested
    class LineBreaks {

        @Test
        void lfCrlfAndLoneCrAllEndALine() {
            assertThat(read("a,b\nc,d\r\ne,f\rg,h")).containsExactly(
                    new CsvRecord(1, List.of("a", "b")),
                    new CsvRecord(2, List.of("c", "d")),
                    new CsvRecord(3, List.of("e", "f")),
                    new CsvRecord(4, List.of("g", "h")));
        }

        @Test
        void lastLineWithoutLineBreakIsARecord() {
            assertThat(fields("a,b\nc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
            assertThat(fields("\"c\",\"d\"")).containsExactly(List.of("c", "d"));
        }

        @Test
        void trailingLineBreakAddsNoRecord() {
            assertThat(fields("a,b\n")).containsExactly(List.of("a", "b"));
            assertThat(fields("a,b\r\n")).containsExactly(List.of("a", "b"));
            assertThat(fields("a,b\r")).containsExactly(List.of("a", "b"));
            assertThat(fields("\"a\",\"b\"\r\n")).containsExactly(List.of("a", "b"));
        }

        @Test
        void trailingDelimiterMeansATrailingEmptyField() {
            assertThat(fields("a,\nb,")).containsExactly(List.of("a", ""), List.of("b", ""));
            assertThat(fields(",,\n")).containsExactly(List.of("", "", ""));
        }

        @Test
        void emptyLinesAreSkippedButCounted() {
            assertThat(read("h1,h2\n\n\na,b\r\n\r\nc,d\r\rе,ф\n\n")).containsExactly(
                    new CsvRecord(1, List.of("h1", "h2")),
                    new CsvRecord(4, List.of("a", "b")),
                    new CsvRecord(6, List.of("c", "d")),
                    new CsvRecord(8, List.of("е", "ф")));
        }

        @Test
        void leadingEmptyLinesAreCounted() {
            assertThat(read("\n\r\nh\n")).containsExactly(new CsvRecord(3, List.of("h")));
        }

        @Test
        void aLineOfSpacesIsARecord() {
            assertThat(read("a\n  \nb")).containsExactly(
                    new CsvRecord(1, List.of("a")),
                    new CsvRecord(2, List.of("  ")),
                    new CsvRecord(3, List.of("b")));
        }

        @Test
        void aQuotedEmptyFieldIsARecord() {
            assertThat(read("a\n\"\"\nb")).containsExactly(
                    new CsvRecord(1, List.of("a")),
                    new CsvRecord(2, List.of("")),
                    new CsvRecord(3, List.of("b")));
        }
    }

    @Nested
    class Quoting {

        @Test
        void quotedFieldsMayHoldTheDelimiter() {
            assertThat(fields("\"Алматы, Медеу\",\"a;b\",x")).containsExactly(List.of("Алматы, Медеу", "a;b", "x"));
        }

        @Test
        void doubledQuotesStandForOneQuote() {
            assertThat(fields("\"ТОО \"\"Қалқан\"\"\",\"\"\"\"\n"))
                    .containsExactly(List.of("ТОО \"Қалқан\"", "\""));
        }

        @Test
        void emptyQuotedFields() {
            assertThat(fields("\"\",\"\",\"\"")).containsExactly(List.of("", "", ""));
        }

        @Test
        void quoteInsideAnUnquotedFieldIsLiteral() {
            assertThat(fields("ab\"c,5\"\n\"x\"")).containsExactly(List.of("ab\"c", "5\""), List.of("x"));
        }

        @Test
        void charactersAfterAClosingQuoteAreAppendedLiterally() {
            assertThat(fields("\"ab\"c,d\n\"x\" ,\"y\"\"z\"q\"r\n"))
                    .containsExactly(List.of("abc", "d"), List.of("x ", "y\"zq\"r"));
        }

        @Test
        void spacesAroundFieldsAreKept() {
            assertThat(fields(" a , \"b\" ,c \n")).containsExactly(List.of(" a ", " \"b\" ", "c "));
        }

        @Test
        void lineBreaksInsideQuotesAreKeptAsTheyAre() {
            assertThat(fields("\"a\nb\",\"c\r\nd\",\"e\rf\"\n"))
                    .containsExactly(List.of("a\nb", "c\r\nd", "e\rf"));
        }
    }

    @Nested
    class LineNumbers {

        @Test
        void followingRecordsAccountForLineBreaksInsideQuotes() {
            String csv = "id,address\n"
                    + "1,\"Астана,\nул. Абая 1,\nкв. 2\"\n"
                    + "2,\"line\r\nbreak\"\r\n"
                    + "3,\"lone\rcr\"\r"
                    + "\n"
                    + "4,\"\n\n\"\n"
                    + "5,end";

            assertThat(lines(csv)).containsExactly(1L, 2L, 5L, 7L, 9L, 12L);
            assertThat(read(csv).get(1).get(1)).isEqualTo("Астана,\nул. Абая 1,\nкв. 2");
        }

        @Test
        void crlfSplitByTheBufferInsideQuotesCountsOnce() {
            // '"' + 65,534 letters puts the CR at index 65,535, the last slot of the 64 KiB buffer.
            String csv = "\"" + "a".repeat(65_534) + "\r\nb\"\nnext\n";

            List<CsvRecord> records = read(csv);

            assertThat(records).hasSize(2);
            assertThat(records.get(0).get(0)).hasSize(65_537).endsWith("a\r\nb");
            assertThat(records.get(1)).isEqualTo(new CsvRecord(3, List.of("next")));
        }

        @Test
        void crlfSplitByTheBufferBetweenRecordsCountsOnce() {
            String csv = "a".repeat(65_535) + "\r\nnext\n";

            assertThat(lines(csv)).containsExactly(1L, 2L);
        }
    }

    @Nested
    class Unicode {

        @Test
        void kazakhLettersAndEmojiPassThroughUnchanged() {
            String csv = "тегі;аты;ескертпе\nҚасымов;Әлихан;\"Өскемен, Үржар 🇰🇿\"\nҰлы;Ғалым;ІҢҺ 😀 қәөүұіңғһ\n";

            List<List<String>> expected = List.of(
                    List.of("тегі", "аты", "ескертпе"),
                    List.of("Қасымов", "Әлихан", "Өскемен, Үржар 🇰🇿"),
                    List.of("Ұлы", "Ғалым", "ІҢҺ 😀 қәөүұіңғһ"));
            assertThat(fields(csv)).isEqualTo(expected);
            assertThat(readBytes(csv.getBytes(UTF_8))).extracting(CsvRecord::fields).isEqualTo(expected);
        }

        @Test
        void multiByteCharactersAcrossByteBufferBoundaries() {
            // Shift a 4-byte emoji and 2-byte letters across the 64 KiB byte and char buffer edges.
            for (int shift = 0; shift < 4; shift++) {
                String value = "x".repeat(65_534 + shift) + "😀Қ";
                String csv = value + ",Ә\n" + "😀,Ң";

                assertThat(readBytes(csv.getBytes(UTF_8))).extracting(CsvRecord::fields)
                        .containsExactly(List.of(value, "Ә"), List.of("😀", "Ң"));
            }
        }
    }

    @Nested
    class Errors {

        @Test
        void unterminatedQuoteNamesTheLineWhereItStarts() {
            String csv = "a,b\n\nc,\"d\ne,f\n";

            assertThatThrownBy(() -> read(csv))
                    .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                    .hasMessage("unterminated quoted field starting on line 3");
            assertThatThrownBy(() -> readAll(CsvReader.open(Chunked.reader(csv, 1))))
                    .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
        }

        @Test
        void unterminatedQuoteAfterEscapedQuotes() {
            assertThatThrownBy(() -> read("\"a\"\""))
                    .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(1))
                    .hasMessageContaining("unterminated quoted field");
        }

        @Test
        void recordsBeforeAnErrorAreReturned() {
            CsvReader reader = CsvReader.open(new StringReader("ok\n\"broken\n"));

            assertThat(reader.next().fields()).containsExactly("ok");
            assertThatThrownBy(reader::next).isInstanceOf(CsvFormatException.class);
        }

        @Test
        void fieldOfAMillionCharactersIsAccepted() {
            String csv = "h\n" + "x".repeat(CsvReader.MAX_FIELD_LENGTH) + ",\"" + "y".repeat(CsvReader.MAX_FIELD_LENGTH) + "\"\n";

            List<CsvRecord> records = readAll(CsvReader.open(new StringReader(csv)));

            assertThat(records.get(1).get(0)).hasSize(CsvReader.MAX_FIELD_LENGTH);
            assertThat(records.get(1).get(1)).hasSize(CsvReader.MAX_FIELD_LENGTH);
        }

        @Test
        void longerUnquotedFieldIsRejected() {
            String csv = "h\n\nok," + "x".repeat(CsvReader.MAX_FIELD_LENGTH + 1) + "\n";

            assertThatThrownBy(() -> readAll(CsvReader.open(new StringReader(csv))))
                    .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                    .hasMessageContaining("field too long");
        }

        @Test
        void longerQuotedFieldIsRejected() {
            String csv = "\"" + "x\n".repeat(CsvReader.MAX_FIELD_LENGTH / 2) + "y\"\n";

            assertThatThrownBy(() -> readAll(CsvReader.open(new StringReader(csv))))
                    .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(1))
                    .hasMessageContaining("field too long");
        }

        @Test
        void longerFieldMadeOfEscapedQuotesIsRejected() {
            String csv = "\"" + "\"\"".repeat(CsvReader.MAX_FIELD_LENGTH + 1) + "\"";

            assertThatThrownBy(() -> readAll(CsvReader.open(new StringReader(csv))))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("field too long");
        }

        @Test
        void invalidUtf8NamesItsLine() {
            byte[] bytes = concat("a,b\n\"c\nd\",e\nf,".getBytes(UTF_8), new byte[] {(byte) 0xC3, '('}, "\ng\n".getBytes(UTF_8));

            for (InputStream in : List.of(new ByteArrayInputStream(bytes), Chunked.bytes(bytes, 1))) {
                CsvReader reader = CsvReader.open(in);
                assertThat(reader.next().fields()).containsExactly("a", "b");
                assertThat(reader.next().fields()).containsExactly("c\nd", "e");
                assertThatThrownBy(reader::next)
                        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                        .hasMessageContaining("line 4 is not valid UTF-8");
            }
        }

        @Test
        void invalidUtf8InTheFirstRecordStillLetsTheDelimiterBeDetected() {
            byte[] bytes = concat("a;b;".getBytes(UTF_8), new byte[] {(byte) 0xFF}, "\n".getBytes(UTF_8));
            CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes));

            assertThat(reader.delimiter()).isEqualTo(';');
            assertThatThrownBy(reader::next)
                    .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(1));
        }

        @Test
        void windows1251IsNotMistakenForUtf8() {
            byte[] bytes = "фамилия;имя\n".getBytes(java.nio.charset.Charset.forName("windows-1251"));

            assertThatThrownBy(() -> readAll(CsvReader.open(new ByteArrayInputStream(bytes))))
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageContaining("not valid UTF-8");
        }

        @Test
        void truncatedUtf8AtTheEndIsRejected() {
            byte[] bytes = concat("a,Қ\nb,".getBytes(UTF_8), new byte[] {(byte) 0xD2});

            assertThatThrownBy(() -> readAll(CsvReader.open(new ByteArrayInputStream(bytes))))
                    .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
        }

        @Test
        void readFailuresAreUnchecked() {
            Reader failing = new Reader() {
                private boolean served;

                @Override
                public int read(char[] target, int offset, int length) throws IOException {
                    if (served) {
                        throw new IOException("disk gone");
                    }
                    served = true;
                    "a,b\nc,".getChars(0, 6, target, offset);
                    return 6;
                }

                @Override
                public void close() {
                }
            };
            CsvReader reader = CsvReader.open(failing);

            assertThat(reader.next().fields()).containsExactly("a", "b");
            assertThatThrownBy(reader::next)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseMessage("disk gone");
        }
    }

    @Nested
    class LargeInput {

        private static final int ROWS = 200_000;

        @Test
        void parsesManyRowsCorrectly() throws IOException {
            byte[] bytes = generate().getBytes(UTF_8);

            long count = 0;
            long wrongWidth = 0;
            CsvRecord last = null;
            try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes))) {
                assertThat(reader.delimiter()).isEqualTo(';');
                assertThat(reader.next().fields()).hasSize(14).startsWith("iin", "surname");
                for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                    long i = count++;
                    if (r.size() != 14) {
                        wrongWidth++;
                    }
                    if (i == 0 || i == 1 || i == 3 || i == 123_457 || i == ROWS - 1) {
                        assertThat(r.get(0)).isEqualTo(iin(i));
                        assertThat(r.get(1)).isEqualTo("Қасымов");
                        assertThat(r.get(9)).isEqualTo("ул. Абая, " + i);
                        assertThat(r.get(13)).isEqualTo(i == 0 ? "note\non two lines" : i % 3 == 0 ? "say \"hi\"" : "");
                    }
                    last = r;
                }
            }

            assertThat(count).isEqualTo(ROWS);
            assertThat(wrongWidth).isZero();
            // header + one line per row + one more per two-line note (every 1000th) + an empty line every 5000th
            long expectedLastLine = 1 + ROWS + ((ROWS - 1) / 1000 + 1) + ((ROWS - 1) / 5000 + 1);
            assertThat(last.line()).isEqualTo(expectedLastLine);
        }

        private static String generate() {
            StringBuilder csv = new StringBuilder(ROWS * 120);
            csv.append("iin;surname;name;patronymic;born;sex;phone;region;district;address;unit;rank;status;note\n");
            for (int i = 0; i < ROWS; i++) {
                csv.append(iin(i)).append(";Қасымов;Әлихан;Серікұлы;1990-01-01;M;+7701").append(1_000_000 + i)
                        .append(";Алматы;Медеу;\"ул. Абая, ").append(i).append("\";").append(i % 7)
                        .append(";private;active;");
                if (i % 1000 == 0) {
                    csv.append("\"note\non two lines\"");
                } else if (i % 3 == 0) {
                    csv.append("\"say \"\"hi\"\"\"");
                }
                csv.append(i % 2 == 0 ? "\n" : "\r\n");
                if (i % 5000 == 0) {
                    csv.append('\n');
                }
            }
            return csv.toString();
        }

        private static String iin(long i) {
            String digits = Long.toString(i);
            return "0".repeat(12 - digits.length()) + digits;
        }
    }
}
