package kz.qalqan.platform.csv;

/**
 * Guesses the delimiter from the first non-empty record: whichever of ',' and ';' occurs more often
 * outside quotes, ',' on a tie. Fed piece by piece as the reader peeks further, so the pieces are
 * scanned once however small the reads are.
 */
final class DelimiterDetector {

    private int commas;
    private int semicolons;
    private boolean inRecord;
    private boolean fieldStart = true;
    private boolean inQuotes;
    /** A quote inside quotes: it closes the field unless the next character is a quote as well. */
    private boolean quoteInQuotes;

    /** Scans {@code chars[from..to)}; true once the first record has ended. */
    boolean feed(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (quoteInQuotes) {
                quoteInQuotes = false;
                if (c == '"') {
                    continue;
                }
                inQuotes = false;
            }
            if (inQuotes) {
                quoteInQuotes = c == '"';
            } else if (c == '\n' || c == '\r') {
                if (inRecord) {
                    return true;
                }
            } else {
                inRecord = true;
                if (c == ',') {
                    commas++;
                    fieldStart = true;
                } else if (c == ';') {
                    semicolons++;
                    fieldStart = true;
                } else {
                    // The delimiter is not known yet, so a quote opens a field after either candidate.
                    inQuotes = c == '"' && fieldStart;
                    fieldStart = false;
                }
            }
        }
        return false;
    }

    char delimiter() {
        return semicolons > commas ? ';' : ',';
    }
}
