package kz.qalqan.identity;

import com.nulabinc.zxcvbn.Zxcvbn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a password acceptable (after NIST SP 800-63B and OWASP ASVS 2.1): at least
 * {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters, any characters allowed and no
 * composition rules, not the username nor built on it (what remains without the username must still be
 * {@value #MIN_LENGTH} characters), not one of the well-known common passwords bundled
 * in {@code identity/common-passwords.txt} (compared lower-cased), and not easy to guess by the zxcvbn
 * estimator (Dropbox's, as ported by Nulab): its score must be at least {@value #MIN_SCORE}, i.e. about 10^8
 * guesses, with the username, the person's name and the project's own names counted as words a guesser tries
 * first. That refuses repeats ({@code aaaaaaaaaaaa}, twelve spaces), sequences and patterns
 * ({@code abcabcabcabc}), keyboard walks, dates and dictionary words with digits tacked on. Applied when an
 * account is created, when an administrator sets a password, when users change their own, and to the first
 * administrator's.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** zxcvbn's "safely unguessable: moderate protection from an offline slow-hash scenario". */
    public static final int MIN_SCORE = 3;
    /** Words every guesser of a Qalqan password tries first. */
    static final List<String> PROJECT_WORDS = List.of("qalqan", "қалқан", "калкан", "qalqan.kz", "kazakhstan",
            "qazaqstan", "казахстан", "қазақстан");
    static final String BUNDLED_LIST = "/identity/common-passwords.txt";

    private static volatile PasswordPolicy standard;

    private final Set<String> common;
    private final Zxcvbn estimator = new Zxcvbn();

    public PasswordPolicy(Collection<String> commonPasswords) {
        Set<String> lower = new HashSet<>();
        commonPasswords.forEach(p -> lower.add(p.toLowerCase(Locale.ROOT)));
        this.common = Set.copyOf(lower);
    }

    /** The policy with the bundled list of common passwords, read once. */
    public static PasswordPolicy standard() {
        PasswordPolicy policy = standard;
        if (policy == null) {
            policy = new PasswordPolicy(readBundledList());
            standard = policy;
        }
        return policy;
    }

    /** Every rule the password breaks, in the order above; empty when it is acceptable. */
    public List<PasswordRejection> check(String username, String password) {
        return check(username, password, List.of());
    }

    /**
     * As {@link #check(String, String)}, with more words a guesser would try for this person (the display name,
     * its parts).
     */
    public List<PasswordRejection> check(String username, String password, List<String> personalWords) {
        List<PasswordRejection> rejections = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            rejections.add(PasswordRejection.MISSING);
            return rejections;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            rejections.add(PasswordRejection.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            rejections.add(PasswordRejection.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (builtOnUsername(lower, username)) {
            rejections.add(PasswordRejection.CONTAINS_USERNAME);
        }
        if (common.contains(lower)) {
            rejections.add(PasswordRejection.TOO_COMMON);
        }
        if (rejections.isEmpty() && estimator.measure(password, guessersWords(username, personalWords)).getScore() < MIN_SCORE) {
            rejections.add(PasswordRejection.TOO_WEAK);
        }
        return rejections;
    }

    private static List<String> guessersWords(String username, List<String> personalWords) {
        List<String> words = new ArrayList<>(PROJECT_WORDS);
        if (username != null && !username.isBlank()) {
            words.add(username.trim().toLowerCase(Locale.ROOT));
            words.addAll(List.of(username.trim().toLowerCase(Locale.ROOT).split("[._-]+")));
        }
        for (String word : personalWords) {
            if (word != null && !word.isBlank()) {
                String lower = word.strip().toLowerCase(Locale.ROOT);
                words.add(lower);
                words.addAll(List.of(lower.split("\\s+")));
            }
        }
        words.removeIf(w -> w.length() < 3);
        return words;
    }

    /**
     * The username adds nothing a guesser does not know: a password equal to it, or one that contains it
     * and would be too short without it, is refused. One that is long enough besides it is not, which
     * keeps passphrases such as {@code test-admin-password-1} for {@code admin} usable.
     */
    private static boolean builtOnUsername(String lowerPassword, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (!lowerPassword.contains(name)) {
            return false;
        }
        String rest = lowerPassword.replace(name, "");
        return rest.codePointCount(0, rest.length()) < MIN_LENGTH;
    }

    public boolean accepts(String username, String password) {
        return check(username, password).isEmpty();
    }

    int commonPasswordCount() {
        return common.size();
    }

    private static List<String> readBundledList() {
        InputStream in = PasswordPolicy.class.getResourceAsStream(BUNDLED_LIST);
        if (in == null) {
            throw new IllegalStateException("The list of common passwords " + BUNDLED_LIST + " is missing from the classpath");
        }
        List<String> passwords = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords;
    }
}
