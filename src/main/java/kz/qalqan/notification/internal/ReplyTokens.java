package kz.qalqan.notification.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * One-tap reply links: {@code <messageId>.<expiresEpochSeconds>.<signature>} with an HMAC-SHA256 signature
 * (truncated to 128 bits) over the first two parts, keyed by the database's signing key so that every node
 * issues and checks the same links. Nothing but the message id is in the link.
 */
@Component
public class ReplyTokens {

    private final JdbcClient jdbc;
    private volatile byte[] key;

    ReplyTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Verified(long messageId, Instant expires) {
    }

    public String issue(long messageId, Instant expires) {
        String payload = messageId + "." + expires.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The message id of a well-formed, correctly signed and unexpired token. */
    public Optional<Verified> verify(String token, Instant now) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(parts[0]);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            return now.isBefore(expires) ? Optional.of(new Verified(id, expires)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        byte[] full = Hmac.sign(key(), payload.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(full, 16));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = jdbc.sql("select key from notification.signing_key where id = 1").query(String.class).single()
                    .getBytes(StandardCharsets.US_ASCII);
            key = k;
        }
        return k;
    }
}
