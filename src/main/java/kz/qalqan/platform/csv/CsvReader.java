package kz.qalqan.platform.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streaming RFC 4180 CSV reader: one record at a time in constant memory (a field may hold at most
 * 1,000,000 characters).
 *
 * <ul>
 *   <li>The delimiter, {@code ','} or {@code ';'}, is whichever occurs more often outside quotes in the
 *       first record ({@code ','} on a tie, also for an empty input). Only the first 64 KiB of an
 *       overlong first record are looked at.</li>
 *   <li>LF, CRLF and a lone CR each end a line. Inside a quoted field line breaks are kept as they are.</li>
 *   <li>Lines with no characters at all are skipped; a line of spaces is a record with one field.</li>
 *   <li>Values are not trimmed.</li>
 *   <li>A {@code "} opens a quoted field only as the field's first character; elsewhere in an unquoted
 *       field it is an ordinary character. Inside quotes {@code ""} stands for {@code "}.</li>
 *   <li>Lenient: characters between a closing quote and the next delimiter or line break are appended
 *       to the value as they are, so {@code "ab"c,} gives {@code abc}.</li>
 *   <li>{@link CsvRecord#line()} is the physical line the record starts on, counting skipped empty
 *       lines and the line breaks inside quoted fields.</li>
 * </ul>
 *
 * Not thread-safe.
 */
public final class CsvReader implements Closeable {

    static final int MAX_FIELD_LENGTH = 1_000_000;
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final char BOM = '\uFEFF';

    private final Reader in;
    private final char[] buf = new char[BUFFER_SIZE];
    private int pos;
    private int limit;
    private boolean eof;
    /** Whether the character just before {@code buf[0]} was a CR, to count a CRLF split by a refill once. */
    private boolean crBeforeBuffer;
    /** A read failure met while peeking for the delimiter; raised once the characters before it are parsed. */
    private IOException pendingFailure;

    private boolean started;
    private char delimiter;
    /** The physical line of {@code buf[pos]}. */
    private long line = 1;
    private long recordLine;
    private final StringBuilder value = new StringBuilder();
    private final ArrayList<String> fields = new ArrayList<>();

    private CsvReader(Reader in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** Reads UTF-8; a leading byte order mark is skipped and malformed bytes raise {@link CsvFormatException}. */
    public static CsvReader open(InputStream in) {
        return new CsvReader(new Utf8Reader(in));
    }

    /** Reads characters; a leading byte order mark (U+FEFF) is skipped. */
    public static CsvReader open(Reader in) {
        return new CsvReader(in);
    }

    /** The field delimiter, {@code ','} or {@code ';'}, detected from the first record. */
    public char delimiter() {
        start();
        return delimiter;
    }

    /**
     * The next record, or {@code null} at the end of the input.
     *
     * @throws CsvFormatException   on an unterminated quoted field, a field over 1,000,000 characters,
     *                              or bytes that are not UTF-8
     * @throws UncheckedIOException when reading fails
     */
    public CsvRecord next() {
        start();
        if (!skipEmptyLines()) {
            return null;
        }
        recordLine = line;
        fields.clear();
        while (!readField()) {
            // one field per iteration until the record ends
        }
        return new CsvRecord(recordLine, List.copyOf(fields));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        if (readMore() > 0 && buf[0] == BOM) {
            pos = 1;
        }
        DelimiterDetector detector = new DelimiterDetector();
        int scanned = pos;
        while (!detector.feed(buf, scanned, limit)) {
            scanned = limit;
            if (readMore() < 0) {
                break;
            }
        }
        delimiter = detector.delimiter();
    }

    private boolean skipEmptyLines() {
        for (;;) {
            if (pos >= limit && !fill()) {
                return false;
            }
            char c = buf[pos];
            if (c != '\n' && c != '\r') {
                return true;
            }
            pos++;
            endLine(c);
        }
    }

    /** Reads one field into {@link #fields}; true when it was the last of its record. */
    private boolean readField() {
        if (pos >= limit && !fill()) {
            fields.add(""); // the input ends right after a delimiter
            return true;
        }
        if (buf[pos] == '"') {
            pos++;
            return readQuoted();
        }
        value.setLength(0);
        return readUnquoted(false);
    }

    /**
     * Scans to the next delimiter or line break. A field that lies within the buffer becomes a string
     * directly; only one that crosses a refill goes through {@link #value}, which then already holds
     * the start of the value when {@code continued}.
     */
    private boolean readUnquoted(boolean continued) {
        final char d = delimiter;
        boolean buffered = continued;
        for (;;) {
            final char[] b = buf;
            final int from = pos;
            final int end = limit;
            for (int p = from; p < end; p++) {
                char c = b[p];
                if (c == d || c == '\n' || c == '\r') {
                    fields.add(buffered ? append(b, from, p).toString() : string(b, from, p));
                    pos = p + 1;
                    if (c == d) {
                        return false;
                    }
                    endLine(c);
                    return true;
                }
            }
            append(b, from, end);
            buffered = true;
            pos = end;
            if (!fill()) {
                fields.add(value.toString());
                return true;
            }
        }
    }

    /** Called with {@link #pos} just past the opening quote. */
    private boolean readQuoted() {
        final long startLine = line;
        value.setLength(0);
        for (;;) {
            final char[] b = buf;
            final int from = pos;
            final int end = limit;
            long ln = line;
            int p = from;
            for (; p < end; p++) {
                char c = b[p];
                if (c == '"') {
                    break;
                }
                if (c == '\r') {
                    ln++;
                } else if (c == '\n' && (p > 0 ? b[p - 1] != '\r' : !crBeforeBuffer)) {
                    ln++;
                }
            }
            line = ln;
            append(b, from, p);
            if (p == end) {
                pos = end;
                if (!fill()) {
                    throw CsvFormatException.unterminatedQuote(startLine);
                }
                continue;
            }
            pos = p + 1;
            if (pos >= limit && !fill()) {
                fields.add(value.toString());
                return true;
            }
            char c = buf[pos];
            if (c == '"') {
                value.append('"');
                pos++;
                continue;
            }
            if (c == delimiter) {
                pos++;
                fields.add(value.toString());
                return false;
            }
            if (c == '\n' || c == '\r') {
                pos++;
                fields.add(value.toString());
                endLine(c);
                return true;
            }
            return readUnquoted(true);
        }
    }

    private StringBuilder append(char[] b, int from, int to) {
        if (value.length() + (to - from) > MAX_FIELD_LENGTH) {
            throw CsvFormatException.fieldTooLong(recordLine, MAX_FIELD_LENGTH);
        }
        return value.append(b, from, to - from);
    }

    private static String string(char[] b, int from, int to) {
        return from == to ? "" : new String(b, from, to - from);
    }

    /** Counts the line break just consumed; a CR swallows the LF right after it. */
    private void endLine(char lineBreak) {
        line++;
        if (lineBreak == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    /** Replaces the fully consumed buffer with the next characters; false at the end of the input. */
    private boolean fill() {
        if (pendingFailure != null) {
            throw failure(pendingFailure);
        }
        if (eof) {
            return false;
        }
        crBeforeBuffer = limit > 0 && buf[limit - 1] == '\r';
        pos = 0;
        limit = 0;
        int n;
        try {
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
        } catch (IOException e) {
            throw failure(e);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    /** Appends to the buffer without discarding anything, for the delimiter peek; -1 when nothing more. */
    private int readMore() {
        if (eof || pendingFailure != null || limit == buf.length) {
            return -1;
        }
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
            return n;
        } catch (IOException e) {
            pendingFailure = e;
            return -1;
        }
    }

    private RuntimeException failure(IOException e) {
        if (e instanceof CharacterCodingException) {
            return CsvFormatException.notUtf8(line);
        }
        return new UncheckedIOException(e);
    }
}
