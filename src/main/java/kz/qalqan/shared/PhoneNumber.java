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

    /** Why {@code written} is not a Kazakhstan mobile number (a {@code shared.phone.*} code), or {@code null}. */
    public static Refusal problem(String written) {
        return parse(written).problem();
    }

    private record Parsed(PhoneNumber number, Refusal problem) {
        static Parsed fail(String code, Object... args) {
            return new Parsed(null, Refusal.of(code, args));
        }
    }

    private static Parsed parse(String written) {
        if (written == null || written.isBlank()) {
            return Parsed.fail("shared.phone.empty");
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
                return Parsed.fail("shared.phone.badCharacter");
            }
        }
        String d = digits.toString();
        String national;
        if (plus) {
            if (!d.startsWith("7")) {
                return Parsed.fail("shared.phone.countryCode");
            }
            national = d.substring(1);
        } else if (d.length() == 11) {
            if (d.charAt(0) != '7' && d.charAt(0) != '8') {
                return Parsed.fail("shared.phone.elevenDigits");
            }
            national = d.substring(1);
        } else {
            national = d;
        }
        if (national.length() != 10) {
            return Parsed.fail(national.length() < 10 ? "shared.phone.tooShort" : "shared.phone.tooLong");
        }
        if (national.charAt(0) != '7') {
            return Parsed.fail("shared.phone.notKazakhstan");
        }
        char operator = national.charAt(1);
        if (operator == '1' || operator == '2') {
            return Parsed.fail("shared.phone.landline");
        }
        if ("04567".indexOf(operator) < 0) {
            return Parsed.fail("shared.phone.noOperator");
        }
        return new Parsed(new PhoneNumber("+7" + national), null);
    }
}
