package kz.qalqan.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets of personal access tokens: {@code qlq_} and 32 random bytes in URL-safe Base64. The prefix
 * tells them apart from JWTs at a glance (and from each other's first characters in a list); a secret
 * with 256 random bits needs no slow hash, so SHA-256 is what is stored and looked up.
 */
public final class AccessTokenSecrets {

    public static final String PREFIX = "qlq_";
    static final int DISPLAYED_CHARACTERS = PREFIX.length() + 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessTokenSecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), DISPLAYED_CHARACTERS));
    }

    public static boolean looksLikeOne(String token) {
        return token != null && token.startsWith(PREFIX);
    }
}
