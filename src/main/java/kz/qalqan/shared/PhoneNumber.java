package kz.qalqan.shared;

import java.util.Optional;

/**
 * A Kazakhstan mobile number in E.164 ({@code +77011234567}). Accepts the common writings:
 * {@code +7 701 123 4567}, {@code 8 (701) 123-45-67}, {@code 87011234567}, {@code 77011234567},
 * {@code 7011234567}.
 *
 * <p>Kazakhstan shares country code +7 with Russia and its landline area codes also start with 7
 * (7172 Astana, 7272 Almaty), so a national number counts as mobile only when it starts 70, 74, 75, 76
 * or 77; 71x and 72x are rejected as landlines, and the national number must start with 7 at all
 * (other +7 numbers are Russian).
 */
public record PhoneNumber(String e164) {

    private static final java.util.regex.Pattern E164 = java.util.regex.Pattern.compile("\\+77[04-7]\\d{8}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not a Kazakhstan mobile number in E.164: " + e164);
        }
    }

    public static Optional<PhoneNumber> normalise(String written) {
        return Optional.ofNullable(parse(written).number());
    }

    /** Why {@code written} is not a Kazakhstan mobile number, in English, or {@code null} when it is one. */
    public static String problem(String written) {
        return parse(written).problem();
    }

    private record Parsed(PhoneNumber number, String problem) {
        static Parsed fail(String problem) {
            return new Parsed(null, "phone number " + problem);
        }
    }

    private static Parsed parse(String written) {
        if (written == null || written.isBlank()) {
            return Parsed.fail("is empty");
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && !plus && digits.isEmpty()) {
                plus = true;
            } else if (" -().\u00a0".indexOf(c) < 0) {
                return Parsed.fail("may contain only digits, spaces, hyphens, brackets, periods and a leading '+'");
            }
        }
        String d = digits.toString();
        String national;
        if (plus) {
            if (!d.startsWith("7")) {
                return Parsed.fail("is not a Kazakhstan number: the country code must be +7");
            }
            national = d.substring(1);
        } else if (d.length() == 11) {
            if (d.charAt(0) != '7' && d.charAt(0) != '8') {
                return Parsed.fail("has 11 digits, so it must start with 8 or the country code 7");
            }
            national = d.substring(1);
        } else {
            national = d;
        }
        if (national.length() != 10) {
            return Parsed.fail("is too " + (national.length() < 10 ? "short" : "long")
                    + ": a Kazakhstan mobile number has 10 digits after +7 or 8");
        }
        if (national.charAt(0) != '7') {
            return Parsed.fail("is not a Kazakhstan number: the 10 digits after +7 or 8 must start with 7"
                    + " (other +7 numbers are Russian)");
        }
        char operator = national.charAt(1);
        if (operator == '1' || operator == '2') {
            return Parsed.fail("is a Kazakhstan landline (area code 71x or 72x), not a mobile number");
        }
        if ("04567".indexOf(operator) < 0) {
            return Parsed.fail("has no Kazakhstan mobile operator code (70x, 74x, 75x, 76x or 77x)");
        }
        return new Parsed(new PhoneNumber("+7" + national), null);
    }
}
