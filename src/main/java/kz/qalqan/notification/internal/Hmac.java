package kz.qalqan.notification.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** The webhook signature: hex HMAC-SHA256 of {@code <timestamp>.<body>} with the shared secret. */
public final class Hmac {

    private Hmac() {
    }

    /** One Mac per thread: looking up the provider per message costs more than the signature itself. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String webhookSignature(String secret, long timestamp, byte[] body) {
        return HexFormat.of().formatHex(sign(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body));
    }

    /** HMAC-SHA256 of the parts, in order. */
    static byte[] sign(byte[] key, byte[]... parts) {
        try {
            Mac mac = MAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
