package kz.qalqan.platform.csv;

import kz.qalqan.platform.Coded;

import java.util.List;

/**
 * Input that cannot be read as CSV. The message says what is wrong and where in English (for logs); {@link #code()}
 * and {@link #args()} say it to a reader in their language.
 */
public class CsvFormatException extends RuntimeException implements Coded {

    private final long line;
    private final String code;
    private final List<Object> args;

    private CsvFormatException(long line, String message, String code, Object... args) {
        super(message);
        this.line = line;
        this.code = code;
        this.args = List.of(args);
    }

    static CsvFormatException unterminatedQuote(long startLine) {
        return new CsvFormatException(startLine, "unterminated quoted field starting on line " + startLine,
                "platform.csv.unterminatedQuote", Long.toString(startLine));
    }

    static CsvFormatException fieldTooLong(long recordLine, int maxLength) {
        return new CsvFormatException(recordLine, "field too long: more than " + maxLength
                + " characters in the record starting on line " + recordLine,
                "platform.csv.fieldTooLong", maxLength, Long.toString(recordLine));
    }

    static CsvFormatException notUtf8(long line) {
        return new CsvFormatException(line, "line " + line + " is not valid UTF-8 text; save the file as CSV UTF-8",
                "platform.csv.notUtf8", Long.toString(line));
    }

    /** The physical line (1-based) where the problem is, or where the faulty record or field starts. */
    public long line() {
        return line;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
