package kz.qalqan.platform.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes CSV: one row per call, LF line ends, a field quoted only when it needs to be (see
 * {@link #escape(String, char)}). I/O failures are rethrown as {@link UncheckedIOException}. Does not buffer
 * beyond one row: wrap a file writer in a {@link java.io.BufferedWriter}.
 *
 * <p>The one writer of every export people open in a spreadsheet. Those programs run a cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula (CSV injection: an e-mail
 * {@code =cmd|'/Ccalc'!A0@x.kz} set by a member would run on the exporting officer's computer), so such a cell gets a
 * leading single quote, as OWASP advises — unless the whole cell is a plain number ({@code -12}, {@code -0.5},
 * {@code +77011234567}), which no spreadsheet can run: negative figures and phone numbers stay numbers.
 * {@link #verbatim} writes cells unchanged, for files that {@link CsvReader} reads back (import files, tests).
 */
public final class CsvWriter implements Closeable, Flushable {

    private static final char BOM = '\uFEFF';

    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private final Writer out;
    private final char delimiter;
    private final boolean neutralise;
    private final StringBuilder line = new StringBuilder(256);

    /** Comma-delimited, for people: formula cells neutralised. */
    public CsvWriter(Writer out) {
        this(out, ',');
    }

    /** For people: formula cells neutralised. */
    public CsvWriter(Writer out, char delimiter) {
        this(out, delimiter, true);
    }

    private CsvWriter(Writer out, char delimiter, boolean neutralise) {
        this.out = Objects.requireNonNull(out, "out");
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
        this.delimiter = delimiter;
        this.neutralise = neutralise;
    }

    /** Cells exactly as given, for files a program reads back ({@link CsvReader} round trips), never for people. */
    public static CsvWriter verbatim(Writer out, char delimiter) {
        return new CsvWriter(out, delimiter, false);
    }

    /**
     * The cell as a spreadsheet may show it without running it: a leading {@code '} before {@code = + - @}, tab or
     * CR, unless the whole cell is a plain number.
     */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !PLAIN_NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    /** Writes one row; a {@code null} field is written as an empty one. */
    public CsvWriter row(String... fields) {
        return row(Arrays.asList(fields));
    }

    /** Writes one row; a {@code null} field is written as an empty one. */
    public CsvWriter row(List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a CSV row needs at least one field");
        }
        line.setLength(0);
        if (fields.size() == 1 && isEmpty(fields.get(0))) {
            // An empty line would be skipped by readers, losing the row.
            line.append("\"\"");
        } else {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    line.append(delimiter);
                }
                appendEscaped(line, neutralise ? neutralised(fields.get(i)) : fields.get(i), delimiter);
            }
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The field as it appears in a CSV line: {@code null} as empty; wrapped in quotes, with inner quotes
     * doubled, when it contains the delimiter, ',' or ';', '"', CR or LF, starts or ends with a space, or
     * starts with a byte order mark. Both ',' and ';' are quoted whatever the delimiter because
     * {@link CsvReader} guesses the delimiter by counting them outside quotes in the first row.
     */
    public static String escape(String value, char delimiter) {
        if (isEmpty(value)) {
            return "";
        }
        if (!needsQuotes(value, delimiter)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8);
        appendQuoted(sb, value);
        return sb.toString();
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendEscaped(StringBuilder sb, String value, char delimiter) {
        if (isEmpty(value)) {
            return;
        }
        if (needsQuotes(value, delimiter)) {
            appendQuoted(sb, value);
        } else {
            sb.append(value);
        }
    }

    private static boolean needsQuotes(String value, char delimiter) {
        char first = value.charAt(0);
        if (first == ' ' || first == BOM || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == ',' || c == ';' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static void appendQuoted(StringBuilder sb, String value) {
        sb.append('"');
        int from = 0;
        for (int q = value.indexOf('"'); q >= 0; q = value.indexOf('"', q + 1)) {
            sb.append(value, from, q + 1).append('"');
            from = q + 1;
        }
        sb.append(value, from, value.length()).append('"');
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
