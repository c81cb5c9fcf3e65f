package kz.qalqan.shared;

import java.util.Optional;

/**
 * A Kazakhstan mobile number in E.164 ({@code +77011234567}). Accepts the common writings:
 * {@code +7 701 123 4567}, {@code 8 (701) 123-45-67}, {@code 87011234567}, {@code 7011234567}.
 */
public record PhoneNumber(String e164) {

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+77\\d{9}")) {
            throw new IllegalArgumentException("not a Kazakhstan mobile number in E.164: " + e164);
        }
    }

    public static Optional<PhoneNumber> normalise(String written) {
        if (written == null) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty() && i == written.indexOf('+')) {
                continue;
            } else if (" -().\u00a0".indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        String d = digits.toString();
        if (d.length() == 11 && (d.startsWith("8") || d.startsWith("7"))) {
            d = d.substring(1);
        } else if (d.length() != 10) {
            return Optional.empty();
        }
        // Kazakhstan mobile numbers start with 7 after the country code (70x, 74x, 75x, 76x, 77x).
        if (d.charAt(0) != '7') {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber("+7" + d));
    }

    /** Why a writing is not a Kazakhstan mobile number, or null when it is one. */
    public static String problem(String written) {
        return normalise(written).isPresent() ? null : "is not a Kazakhstan mobile number (+7 7xx xxx xx xx)";
    }
}
