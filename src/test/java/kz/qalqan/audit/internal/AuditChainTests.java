package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.VerificationResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain check on its own, over events built in memory. */
class AuditChainTests {

    static List<AuditEntry> chain(int length) {
        List<AuditEntry> events = new ArrayList<>();
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditEntry e = sealed(new AuditEntry(seq, Instant.parse("2026-11-29T07:20:00Z").plusSeconds(seq), "admin",
                    "ADMIN", "MEMBER_READ", "MEMBER", Integer.toString(seq), null, null, null, null, prev, null));
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    static AuditEntry sealed(AuditEntry e) {
        return withDetails(e, e.details(), AuditHash.of(e));
    }

    static AuditEntry withDetails(AuditEntry e, String details, String hash) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.role(), e.action(), e.entityType(), e.entityId(),
                e.orgPath(), e.clientAddress(), e.reason(), details, e.prevHash(), hash);
    }

    static VerificationResult check(List<AuditEntry> events, ChainHead head) {
        ChainCheck check = new ChainCheck(head);
        events.forEach(check::next);
        return check.result();
    }

    static ChainHead headOf(List<AuditEntry> events) {
        AuditEntry last = events.get(events.size() - 1);
        return new ChainHead(last.seq(), last.hash());
    }

    @Test
    void findsAnUntouchedChainIntact() {
        List<AuditEntry> events = chain(5);

        VerificationResult result = check(events, headOf(events));

        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void findsAnEmptyChainIntact() {
        assertThat(check(List.of(), new ChainHead(0, AuditHash.GENESIS)).intact()).isTrue();
    }

    @Test
    void namesTheModifiedRowOnly() {
        List<AuditEntry> events = chain(5);
        ChainHead head = headOf(events);
        events.set(2, withDetails(events.get(2), "changed", events.get(2).hash()));

        assertThat(check(events, head).problems()).containsExactly("row 3 was modified: its content does not match its hash");
    }

    @Test
    void namesTheLinkBrokenByARowThatWasChangedAndRehashed() {
        List<AuditEntry> events = chain(5);
        ChainHead head = headOf(events);
        events.set(2, sealed(withDetails(events.get(2), "changed", null)));

        assertThat(check(events, head).problems()).singleElement().asString()
                .startsWith("row 4: its prev_hash does not match the hash of row 3");
    }

    @Test
    void namesARemovedRow() {
        List<AuditEntry> events = chain(5);
        ChainHead head = headOf(events);
        events.remove(1);

        assertThat(check(events, head).problems())
                .containsExactly("row 2 is missing: the chain jumps from seq 1 to seq 3");
    }

    @Test
    void namesRemovedRowsAtTheStartAndAtTheEnd() {
        List<AuditEntry> events = chain(6);
        ChainHead head = headOf(events);

        assertThat(check(events.subList(2, 6), head).problems())
                .containsExactly("rows 1 to 2 are missing: the chain starts at seq 3");
        assertThat(check(events.subList(0, 4), head).problems())
                .containsExactly("rows 5 to 6 are missing at the end: the chain's head is at seq 6");
    }

    @Test
    void namesARowAddedBehindTheHead() {
        List<AuditEntry> events = chain(4);

        assertThat(check(events, headOf(events.subList(0, 3))).problems())
                .containsExactly("row 4 was added outside the application: the chain's head is at seq 3");
    }

    @Test
    void namesTheLastRowWhenItWasReplacedWithAConsistentHash() {
        List<AuditEntry> events = chain(3);
        ChainHead head = headOf(events);
        events.set(2, sealed(withDetails(events.get(2), "forged", null)));

        assertThat(check(events, head).problems()).singleElement().asString()
                .startsWith("row 3: its hash does not match the chain's head");
    }

    @Test
    void listsAtMostAThousandProblemsAndCountsTheRest() {
        List<AuditEntry> events = new ArrayList<>(chain(1200));
        ChainHead head = headOf(events);
        events.replaceAll(e -> withDetails(e, "x", e.hash()));

        VerificationResult result = check(events, head);

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).hasSize(1001).last().isEqualTo("... and 200 more problems");
    }
}
