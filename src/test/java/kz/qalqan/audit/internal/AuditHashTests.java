package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTests {

    static AuditEntry entry(String role, String entityId, String reason, String details) {
        return new AuditEntry(1, Instant.parse("2026-11-29T07:20:00.123456Z"), "admin", role, "MEMBER_READ", "MEMBER",
                entityId, "KZ-75.12", "127.0.0.1", reason, details, AuditHash.GENESIS, null);
    }

    /** Expected values computed outside Java: {@code printf '%s' '<canonical text>' | sha256sum}. */
    @Test
    void hashesAKnownEventToAFixedValue() {
        AuditEntry e = entry("ADMIN", "42", null, "a|b\\c");

        assertThat(AuditHash.canonical(e)).isEqualTo(AuditHash.GENESIS
                + "|1|2026-11-29T07:20:00.123456Z|admin|ADMIN|MEMBER_READ|MEMBER|42|KZ-75.12|127.0.0.1|\\N|a\\|b\\\\c");
        assertThat(AuditHash.of(e)).isEqualTo("40e56d05344f5b537b68cafb58160dc3563e2657fd86d2f0b0f3fb46f007d4c4");
    }

    @Test
    void hashesTheUtf8BytesAndWritesWholeSecondsWithSixFractionDigits() {
        AuditEntry e = new AuditEntry(7, Instant.parse("2026-01-02T03:04:05Z"), "мұрат", null, "MEMBER_UPDATE",
                "MEMBER", null, null, null, "медициналық тексеру", null, AuditHash.GENESIS, null);

        assertThat(AuditHash.of(e)).isEqualTo("226e0a8f9c229d22dca6f66c317aa6f147d4936ce7bb54b333a7e6e0432fe697");
    }

    @Test
    void tellsANullFromTheTextBackslashN() {
        assertThat(AuditHash.of(entry(null, "1", null, null))).isNotEqualTo(AuditHash.of(entry("\\N", "1", null, null)));
    }

    @Test
    void tellsAnEmptyValueFromANull() {
        assertThat(AuditHash.of(entry("", "1", null, null))).isNotEqualTo(AuditHash.of(entry(null, "1", null, null)));
    }

    @Test
    void aSeparatorInsideAValueCannotShiftTheFieldBoundaries() {
        // without escaping both would read "...|MEMBER|1|x|..." once joined
        AuditEntry shifted = new AuditEntry(1, Instant.EPOCH, "a|b", "c", "X", "T", null, null, null, null, null,
                AuditHash.GENESIS, null);
        AuditEntry plain = new AuditEntry(1, Instant.EPOCH, "a", "b|c", "X", "T", null, null, null, null, null,
                AuditHash.GENESIS, null);

        assertThat(AuditHash.of(shifted)).isNotEqualTo(AuditHash.of(plain));
        assertThat(AuditHash.of(entry("ADMIN", "1", "x|y", null)))
                .isNotEqualTo(AuditHash.of(entry("ADMIN", "1", "x", "y")));
    }

    @Test
    void anEscapedBackslashBeforeASeparatorStaysInsideTheValue() {
        // "a\" then "b" must differ from "a\|b" then null, and from "a" then "\b"
        assertThat(AuditHash.of(entry("ADMIN", "1", "a\\", "b"))).isNotEqualTo(AuditHash.of(entry("ADMIN", "1", "a\\|b", null)));
        assertThat(AuditHash.of(entry("ADMIN", "1", "a\\", "b"))).isNotEqualTo(AuditHash.of(entry("ADMIN", "1", "a", "\\b")));
        assertThat(AuditHash.canonical(entry("ADMIN", "1", "a\\", "b"))).endsWith("|a\\\\|b");
    }

    @Test
    void coversEveryFieldButTheHashItself() {
        AuditEntry e = entry("ADMIN", "42", "why", "what");
        String h = AuditHash.of(e);

        assertThat(AuditHash.of(new AuditEntry(2, e.at(), e.actor(), e.role(), e.action(), e.entityType(), e.entityId(),
                e.orgPath(), e.clientAddress(), e.reason(), e.details(), e.prevHash(), null))).isNotEqualTo(h);
        assertThat(AuditHash.of(new AuditEntry(1, e.at().plusNanos(1000), e.actor(), e.role(), e.action(), e.entityType(),
                e.entityId(), e.orgPath(), e.clientAddress(), e.reason(), e.details(), e.prevHash(), null))).isNotEqualTo(h);
        assertThat(AuditHash.of(new AuditEntry(1, e.at(), e.actor(), e.role(), e.action(), e.entityType(), e.entityId(),
                e.orgPath(), "10.0.0.1", e.reason(), e.details(), e.prevHash(), null))).isNotEqualTo(h);
        assertThat(AuditHash.of(new AuditEntry(1, e.at(), e.actor(), e.role(), e.action(), e.entityType(), e.entityId(),
                e.orgPath(), e.clientAddress(), e.reason(), e.details(), "1".repeat(64), null))).isNotEqualTo(h);
        assertThat(AuditHash.of(new AuditEntry(1, e.at(), e.actor(), e.role(), e.action(), e.entityType(), e.entityId(),
                e.orgPath(), e.clientAddress(), e.reason(), e.details(), e.prevHash(), "anything"))).isEqualTo(h);
    }
}
