package kz.qalqan.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Rules for a last, first or middle name (DOMAIN.md §1): 1–100 characters, letters of one script —
 * Cyrillic (the Russian alphabet plus Kazakh Ә Ғ Қ Ң Ө Ұ Ү Һ І) or Latin with diacritics — separated
 * by a single space, hyphen, apostrophe (' or ’) or period. A period may be followed by a space, so
 * initials and abbreviations ("A. Smith", "St. John") pass.
 */
public final class PersonName {

    public static final int MAX_LENGTH = 100;

    private static final String KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
    private static final String SEPARATORS = " -'’.";

    private PersonName() {
    }

    // compiled once: the import checks three names per row
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
    private static final Pattern SHAPE = Pattern.compile("a+(?:(?:[ '’.-]|\\. )a+)*");

    /**
     * Trims, collapses inner whitespace to one space and composes to NFC, so a letter typed as base plus
     * combining mark (и + ◌̆ = й, e + ◌́ = é) counts as the one letter it shows. {@code null} stays null.
     */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String composed = Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
        return WHITESPACE.matcher(composed).replaceAll(" ").strip();
    }

    /** Why the name (as {@link #normalise} would store it) is not acceptable (a {@code shared.name.*} code), or {@code null}. */
    public static Refusal problem(String name) {
        String n = normalise(name);
        if (n == null || n.isEmpty()) {
            return Refusal.of("shared.name.empty");
        }
        int[] chars = n.codePoints().toArray();
        if (chars.length > MAX_LENGTH) {
            return Refusal.of("shared.name.tooLong", MAX_LENGTH);
        }
        boolean cyrillic = false;
        boolean latin = false;
        StringBuilder shape = new StringBuilder();
        for (int c : chars) {
            if (isCyrillic(c) || isLatin(c)) {
                cyrillic |= isCyrillic(c);
                latin |= isLatin(c);
                shape.append('a');
            } else if (SEPARATORS.indexOf(c) >= 0) {
                shape.appendCodePoint(c);
            } else if (Character.isDigit(c)) {
                return Refusal.of("shared.name.digit");
            } else if (Character.isLetter(c)) {
                return Refusal.of("shared.name.foreignLetter", Character.toString(c));
            } else {
                return Refusal.of("shared.name.badCharacter", Character.toString(c));
            }
        }
        // Look-alike letters (Latin o/a/e/c/p in a Cyrillic name) are a common, invisible typo.
        if (cyrillic && latin) {
            return Refusal.of("shared.name.mixedScripts");
        }
        if (!SHAPE.matcher(shape).matches()) {
            return Refusal.of("shared.name.separator");
        }
        return null;
    }

    private static boolean isCyrillic(int c) {
        return (c >= 'А' && c <= 'я') || c == 'Ё' || c == 'ё' || KAZAKH_LETTERS.indexOf(c) >= 0;
    }

    private static boolean isLatin(int c) {
        int type = Character.getType(c);
        if (type != Character.UPPERCASE_LETTER && type != Character.LOWERCASE_LETTER
                && type != Character.TITLECASE_LETTER) {
            return false;
        }
        // Blocks, not UnicodeScript.LATIN: the script also holds fullwidth and phonetic letters.
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.BASIC_LATIN
                || block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT
                || block == Character.UnicodeBlock.LATIN_EXTENDED_A
                || block == Character.UnicodeBlock.LATIN_EXTENDED_B
                || block == Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL;
    }
}
