package kz.qalqan.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Usernames are stored lower-case; whatever is typed at sign-in is trimmed and lower-cased the same way. */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9._-]{3,64}$");

    private Usernames() {
    }

    public static String normalize(String typed) {
        return typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean valid(String normalized) {
        return normalized != null && VALID.matcher(normalized).matches();
    }
}
