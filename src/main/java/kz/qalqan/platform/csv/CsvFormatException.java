package kz.qalqan.platform.csv;

/** Input that cannot be read as CSV; the message says what is wrong and where. */
public class CsvFormatException extends RuntimeException {

    private final long line;

    public CsvFormatException(long line, String message) {
        super(message);
        this.line = line;
    }

    static CsvFormatException unterminatedQuote(long startLine) {
        return new CsvFormatException(startLine, "unterminated quoted field starting on line " + startLine);
    }

    static CsvFormatException fieldTooLong(long recordLine, int maxLength) {
        return new CsvFormatException(recordLine, "field too long: more than " + maxLength
                + " characters in the record starting on line " + recordLine);
    }

    static CsvFormatException notUtf8(long line) {
        return new CsvFormatException(line, "line " + line + " is not valid UTF-8 text; save the file as CSV UTF-8");
    }

    /** The physical line (1-based) where the problem is, or where the faulty record or field starts. */
    public long line() {
        return line;
    }
}
