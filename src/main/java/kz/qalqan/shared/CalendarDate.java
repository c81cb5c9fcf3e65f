package kz.qalqan.shared;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day written by a person: {@code yyyy-mm-dd} or {@code dd.mm.yyyy}, read strictly. {@code 31.02.1990} is refused,
 * never moved to the last day of February (a date that is silently changed is worse than one refused).
 */
public final class CalendarDate {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DOTTED = Pattern.compile("(\\d{2})\\.(\\d{2})\\.(\\d{4})");

    /** Why a text is not a day; message keys live in the bundles as {@code date.problem.<name>}. */
    public enum Problem {
        /** Not written as {@code yyyy-mm-dd} or {@code dd.mm.yyyy}, or a month outside 1–12, a day outside 1–31. */
        NOT_A_DATE("is not a date (yyyy-mm-dd or dd.mm.yyyy)"),
        /** Well written, but that month has no such day (31 February, 31 April, 29 February of a common year). */
        NO_SUCH_DAY("is not a real date: that month has no such day");

        private final String reason;

        Problem(String reason) {
            this.reason = reason;
        }

        /** English reason, for reports written in English. */
        public String reason() {
            return reason;
        }

        public String messageKey() {
            return "date.problem." + name();
        }
    }

    private CalendarDate() {
    }

    /** The day, or empty when {@link #problem(String)} names one. Surrounding blanks are ignored. */
    public static Optional<LocalDate> parse(String text) {
        return fields(text).filter(f -> f.day() <= f.month().lengthOfMonth()).map(f -> f.month().atDay(f.day()));
    }

    /** Why {@code text} is not a day, or {@code null} when it is one. */
    public static Problem problem(String text) {
        Optional<Fields> fields = fields(text);
        if (fields.isEmpty()) {
            return Problem.NOT_A_DATE;
        }
        return fields.get().day() <= fields.get().month().lengthOfMonth() ? null : Problem.NO_SUCH_DAY;
    }

    private record Fields(YearMonth month, int day) {
    }

    private static Optional<Fields> fields(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        int year;
        int month;
        int day;
        Matcher iso = ISO.matcher(t);
        Matcher dotted = DOTTED.matcher(t);
        if (iso.matches()) {
            year = Integer.parseInt(iso.group(1));
            month = Integer.parseInt(iso.group(2));
            day = Integer.parseInt(iso.group(3));
        } else if (dotted.matches()) {
            day = Integer.parseInt(dotted.group(1));
            month = Integer.parseInt(dotted.group(2));
            year = Integer.parseInt(dotted.group(3));
        } else {
            return Optional.empty();
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        return Optional.of(new Fields(YearMonth.of(year, month), day));
    }
}
