package kz.qalqan.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kazakhstan's 12-digit Individual Identification Number (DOMAIN.md §2, reference/iin.md).
 * Construct through {@link #parse(String)}, which enforces the hard rules (placeholders such as
 * {@code 000000000000} included); the soft rules are
 * reported by {@link #warnings(LocalDate, Sex)} and never reject.
 */
public record Iin(String value) {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    public Iin {
        IinProblem problem = hardProblem(value);
        if (problem != null) {
            throw new InvalidIinException(problem);
        }
    }

    public static Iin parse(String value) {
        return new Iin(value);
    }

    /** The first hard-rule violation of a candidate string, or {@code null} when it is a valid IIN. */
    public static IinProblem hardProblem(String value) {
        if (value == null || value.isEmpty()) {
            return IinProblem.MISSING;
        }
        if (!asciiDigits(value)) {
            return IinProblem.NOT_DIGITS;
        }
        if (value.length() != 12) {
            return value.length() < 12 ? IinProblem.TOO_SHORT : IinProblem.TOO_LONG;
        }
        if (value.chars().allMatch(c -> c == value.charAt(0))) {
            return IinProblem.REPEATED_DIGITS;
        }
        if (value.startsWith("000000")) {
            return IinProblem.ZERO_DATE;
        }
        int check = checkDigit(value.substring(0, 11));
        if (check < 0) {
            return IinProblem.NEVER_ISSUED;
        }
        return check == value.charAt(11) - '0' ? null : IinProblem.CHECK_DIGIT;
    }

    public static boolean isValid(String value) {
        return hardProblem(value) == null;
    }

    /**
     * The check digit for an 11-digit prefix, or -1 when both weighting passes give 10 and no IIN with
     * this prefix is ever issued. Digit 11 has weight 11 ≡ 0 (mod 11) in the first pass, so a wrong
     * digit 11 goes unnoticed unless the prefix needs the second pass; the check digit does not catch
     * every single-digit error.
     */
    public static int checkDigit(String prefix) {
        if (prefix == null || prefix.length() != 11 || !asciiDigits(prefix)) {
            throw new IllegalArgumentException("An IIN prefix is 11 ASCII digits");
        }
        int c = weightedSum(prefix, FIRST_WEIGHTS) % 11;
        if (c == 10) {
            c = weightedSum(prefix, SECOND_WEIGHTS) % 11;
        }
        return c == 10 ? -1 : c;
    }

    // Character.isDigit would let fullwidth and Arabic-Indic digits through.
    private static boolean asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /** Birth date encoded in digits 1–7, when they form a real date with a defined century digit. */
    public Optional<LocalDate> birthDate() {
        int centuryDigit = value.charAt(6) - '0';
        if (centuryDigit < 1 || centuryDigit > 6) {
            return Optional.empty();
        }
        return date(1800 + 100 * ((centuryDigit - 1) / 2));
    }

    private Optional<LocalDate> date(int century) {
        int year = century + Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        int day = Integer.parseInt(value.substring(4, 6));
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Sex encoded in digit 7 (odd male, even female), when the digit is defined (1–6). */
    public Optional<Sex> sex() {
        int d = value.charAt(6) - '0';
        if (d < 1 || d > 6) {
            return Optional.empty();
        }
        return Optional.of(d % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    /**
     * Soft-rule findings: the record stays valid but is flagged for review. Since Resolution No. 853
     * (2013) the digits need not match personal data, so none of these ever rejects.
     */
    public List<IinWarning> warnings(LocalDate recordedBirthDate, Sex recordedSex) {
        List<IinWarning> warnings = new ArrayList<>();
        int centuryDigit = value.charAt(6) - '0';
        boolean centuryKnown = centuryDigit >= 1 && centuryDigit <= 6;
        if (!centuryKnown) {
            warnings.add(IinWarning.CENTURY_DIGIT_UNDEFINED);
        }
        // With the century unknown, judge the date in 2000+YY: a leap year whenever any century could give one.
        if ((centuryKnown ? birthDate() : date(2000)).isEmpty()) {
            warnings.add(IinWarning.NOT_A_CALENDAR_DATE);
        }
        if (recordedBirthDate != null && birthDate().filter(d -> !d.equals(recordedBirthDate)).isPresent()) {
            warnings.add(IinWarning.BIRTH_DATE_MISMATCH);
        }
        if (recordedSex != null && sex().filter(s -> s != recordedSex).isPresent()) {
            warnings.add(IinWarning.SEX_MISMATCH);
        }
        return warnings;
    }

    /** The IIN as it may appear in logs: {@code 90051*****27}. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        if (value == null || value.length() < 8) {
            return "****";
        }
        return value.substring(0, 5) + "*".repeat(value.length() - 7) + value.substring(value.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
