package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that chains audit events: lowercase hex SHA-256 of the UTF-8 bytes of
 * <pre>prev_hash|seq|at|actor|role|action|entity_type|entity_id|org_path|client_address|reason|details</pre>
 * where {@code at} is ISO-8601 UTC with exactly six fraction digits ({@code 2026-11-29T07:20:00.000000Z}),
 * a {@code null} is written {@code \N}, and inside a value {@code \} becomes {@code \\} and {@code |} becomes
 * {@code \|}. The escaping keeps the encoding unambiguous: no two different events share an input.
 */
public final class AuditHash {

    /** The {@code prev_hash} of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NULL = "\\N";

    private AuditHash() {
    }

    /** The hash the entry should carry; its own {@code hash} field is ignored. */
    public static String of(AuditEntry e) {
        return sha256(canonical(e));
    }

    /** The timestamp as hashed (and exported): UTC, microseconds. */
    public static String timestamp(Instant at) {
        return AT.format(at);
    }

    /**
     * The hash of a checkpoint: SHA-256 of {@code prev_hash|id|at|heads}, where {@code heads} lists every stripe as
     * {@code stripe:position:hash}, separated by {@code ;}, in stripe order.
     */
    public static String ofCheckpoint(String prevHash, long id, Instant at, String heads) {
        return sha256(prevHash + "|" + id + "|" + timestamp(at) + "|" + heads);
    }

    static String canonical(AuditEntry e) {
        StringBuilder s = new StringBuilder(256);
        append(s, e.prevHash());
        append(s.append('|'), Long.toString(e.seq()));
        append(s.append('|'), timestamp(e.at()));
        append(s.append('|'), e.actor());
        append(s.append('|'), e.role());
        append(s.append('|'), e.action());
        append(s.append('|'), e.entityType());
        append(s.append('|'), e.entityId());
        append(s.append('|'), e.orgPath());
        append(s.append('|'), e.clientAddress());
        append(s.append('|'), e.reason());
        append(s.append('|'), e.details());
        return s.toString();
    }

    private static void append(StringBuilder s, String value) {
        if (value == null) {
            s.append(NULL);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '|') {
                s.append('\\');
            }
            s.append(c);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
