package kz.qalqan.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTests {

    private final StringWriter out = new StringWriter();

    @Test
    void writesCommaDelimitedRowsWithLfLineEnds() {
        new CsvWriter(out).row("iin", "name").row(List.of("900101300123", "Асан"));

        assertThat(out).hasToString("iin,name\n900101300123,Асан\n");
    }

    @Test
    void writesWithAnotherDelimiter() {
        new CsvWriter(out, ';').row("a", "b", "c");

        assertThat(out).hasToString("a;b;c\n");
    }

    @Test
    void writesNullAsAnEmptyField() {
        new CsvWriter(out).row("a", null, "").row(Arrays.asList(null, "b"));

        assertThat(out).hasToString("a,,\n,b\n");
    }

    @Test
    void quotesARowOfOneEmptyFieldSoThatItIsNotAnEmptyLine() {
        new CsvWriter(out).row("").row((String) null).row("", "");

        assertThat(out).hasToString("\"\"\n\"\"\n,\n");
        assertThat(CsvReaderTests.fields(out.toString())).containsExactly(List.of(""), List.of(""), List.of("", ""));
    }

    @Test
    void rejectsARowWithoutFields() {
        CsvWriter writer = new CsvWriter(out);

        assertThatThrownBy(writer::row).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.row(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        new CsvWriter(out).row("plain", "Қасымов Әлихан", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail ", "in side");

        assertThat(out).hasToString(
                "plain,Қасымов Әлихан,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\" lead\",\"trail \",in side\n");
    }

    @Test
    void escapeFollowsTheSameRules() {
        assertThat(CsvWriter.escape(null, ',')).isEmpty();
        assertThat(CsvWriter.escape("", ',')).isEmpty();
        assertThat(CsvWriter.escape("Өскемен", ',')).isEqualTo("Өскемен");
        assertThat(CsvWriter.escape("a,b", ',')).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.escape("a|b", '|')).isEqualTo("\"a|b\"");
        assertThat(CsvWriter.escape("a|b", ',')).isEqualTo("a|b");
        assertThat(CsvWriter.escape("\"", ',')).isEqualTo("\"\"\"\"");
        assertThat(CsvWriter.escape("\"\"x\"", ';')).isEqualTo("\"\"\"\"\"x\"\"\"");
        assertThat(CsvWriter.escape("a\r\nb", ';')).isEqualTo("\"a\r\nb\"");
        assertThat(CsvWriter.escape(" ", ';')).isEqualTo("\" \"");
        assertThat(CsvWriter.escape("a\tb", ',')).isEqualTo("a\tb");
    }

    @Test
    void quotesBothCandidateDelimitersSoThatDetectionIsNotMisled() {
        // Unquoted, "a;b;c" would make the reader take ';' as the delimiter of this comma file.
        new CsvWriter(out).row("a;b;c", "d").row("e", "f,g");

        assertThat(out).hasToString("\"a;b;c\",d\ne,\"f,g\"\n");
        assertThat(CsvWriter.escape("a,b", ';')).isEqualTo("\"a,b\"");
        assertThat(CsvReaderTests.fields(out.toString())).containsExactly(List.of("a;b;c", "d"), List.of("e", "f,g"));
    }

    @Test
    void quotesALeadingByteOrderMarkSoThatReadersKeepIt() {
        new CsvWriter(out).row("\uFEFFx", "y");

        assertThat(out).hasToString("\"\uFEFFx\",y\n");
        assertThat(CsvReaderTests.fields(out.toString())).containsExactly(List.of("\uFEFFx", "y"));
    }

    @Test
    void rejectsADelimiterThatCannotWork() {
        assertThatThrownBy(() -> new CsvWriter(out, '"')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsvWriter(out, '\n')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsvWriter(out, '\r')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flushAndCloseReachTheTarget() {
        boolean[] flushed = {false};
        boolean[] closed = {false};
        Writer target = new StringWriter() {
            @Override
            public void flush() {
                flushed[0] = true;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (CsvWriter writer = new CsvWriter(target)) {
            writer.row("a").flush();
        }

        assertThat(flushed[0]).isTrue();
        assertThat(closed[0]).isTrue();
        assertThat(target).hasToString("a\n");
    }

    @Test
    void writeFailuresAreUnchecked() {
        Writer failing = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new CsvWriter(failing).row("a"))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("disk full");
    }

    /** CSV injection (issue 10 item 4): a cell a spreadsheet would run as a formula gets a leading quote. */
    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsAFormula() {
        new CsvWriter(out).row("=cmd|'/Ccalc'!A0@x.kz", "+SUM(A1)", "-2+3", "@SUM(1)", "\t=1", "\r=1", "a=b", "x@y.kz");

        assertThat(CsvReaderTests.fields(out.toString())).containsExactly(List.of("'=cmd|'/Ccalc'!A0@x.kz", "'+SUM(A1)",
                "'-2+3", "'@SUM(1)", "'\t=1", "'\r=1", "a=b", "x@y.kz"));
    }

    @Test
    void leavesPlainNumbersReadableAsNumbers() {
        new CsvWriter(out).row("-12", "-0.5", "+77011234567", "42", "-", "-1e5");

        assertThat(out).hasToString("-12,-0.5,+77011234567,42,'-,'-1e5\n");
    }

    @Test
    void writesVerbatimForFilesAProgramReadsBack() {
        CsvWriter.verbatim(out, ',').row("=1+1", "-x");

        assertThat(out).hasToString("=1+1,-x\n");
    }
}
