package kz.qalqan.platform.csv;

/** Input that cannot be read as CSV; the message says what is wrong and where. */
public class CsvFormatException extends RuntimeException {

    private final long line;

    public CsvFormatException(long line, String message) {
        super(message);
        this.line = line;
    }

    /** The physical line (1-based) where the problem is, or where the faulty record or field starts. */
    public long line() {
        return line;
    }
}
