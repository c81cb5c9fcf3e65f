package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check of one stripe on its own, over events built in memory (stripe 2, global seq = 10 × position). */
class AuditChainTests {

    static final int STRIPE = 2;

    static List<ChainedEntry> chain(int length) {
        List<ChainedEntry> events = new ArrayList<>();
        String prev = AuditHash.GENESIS;
        for (int position = 1; position <= length; position++) {
            AuditEntry e = sealed(new AuditEntry(10L * position, Instant.parse("2026-11-29T07:20:00Z").plusSeconds(position),
                    "admin", "ADMIN", "MEMBER_READ", "MEMBER", Integer.toString(position), null, null, null, null, prev, null));
            events.add(new ChainedEntry(e, STRIPE, position));
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

    static ChainedEntry replaced(ChainedEntry c, AuditEntry e) {
        return new ChainedEntry(e, c.stripe(), c.position());
    }

    record Outcome(long checked, List<String> problems) {
    }

    static Outcome check(List<ChainedEntry> events, ChainHead head) {
        ChainCheck.Problems problems = new ChainCheck.Problems();
        ChainCheck check = new ChainCheck(head, problems);
        events.forEach(check::next);
        long checked = check.finish();
        return new Outcome(checked, problems.list());
    }

    static ChainHead headOf(List<ChainedEntry> events) {
        ChainedEntry last = events.get(events.size() - 1);
        return new ChainHead(STRIPE, last.position(), last.entry().hash());
    }

    @Test
    void findsAnUntouchedStripeIntact() {
        List<ChainedEntry> events = chain(5);

        Outcome result = check(events, headOf(events));

        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void findsAnEmptyStripeIntact() {
        assertThat(check(List.of(), new ChainHead(STRIPE, 0, AuditHash.GENESIS)).problems()).isEmpty();
    }

    @Test
    void namesTheModifiedRowOnly() {
        List<ChainedEntry> events = chain(5);
        ChainHead head = headOf(events);
        AuditEntry third = events.get(2).entry();
        events.set(2, replaced(events.get(2), withDetails(third, "changed", third.hash())));

        assertThat(check(events, head).problems()).containsExactly("row 30 was modified: its content does not match its hash");
    }

    @Test
    void namesTheLinkBrokenByARowThatWasChangedAndRehashed() {
        List<ChainedEntry> events = chain(5);
        ChainHead head = headOf(events);
        events.set(2, replaced(events.get(2), sealed(withDetails(events.get(2).entry(), "changed", null))));

        assertThat(check(events, head).problems()).singleElement().asString()
                .startsWith("row 40: its prev_hash does not match the hash of row 30");
    }

    @Test
    void namesARemovedRowByItsPositionAndItsNeighbours() {
        List<ChainedEntry> events = chain(5);
        ChainHead head = headOf(events);
        events.remove(1);

        assertThat(check(events, head).problems())
                .containsExactly("stripe 2 position 2 is missing: the chain jumps from seq 10 to seq 30");
    }

    @Test
    void namesRemovedRowsAtTheStartAndAtTheEnd() {
        List<ChainedEntry> events = chain(6);
        ChainHead head = headOf(events);

        assertThat(check(events.subList(2, 6), head).problems())
                .containsExactly("stripe 2 positions 1 to 2 are missing: the stripe starts at seq 30");
        assertThat(check(events.subList(0, 4), head).problems())
                .containsExactly("stripe 2 positions 5 to 6 are missing at the end: its head is at position 6");
    }

    @Test
    void namesARowAddedBehindTheHead() {
        List<ChainedEntry> events = chain(4);

        assertThat(check(events, headOf(events.subList(0, 3))).problems())
                .containsExactly("row 40 was added outside the application: stripe 2's head is at position 3");
    }

    @Test
    void namesTheLastRowWhenItWasReplacedWithAConsistentHash() {
        List<ChainedEntry> events = chain(3);
        ChainHead head = headOf(events);
        events.set(2, replaced(events.get(2), sealed(withDetails(events.get(2).entry(), "forged", null))));

        assertThat(check(events, head).problems()).singleElement().asString()
                .startsWith("row 30: its hash does not match stripe 2's head");
    }

    @Test
    void listsAtMostAThousandProblemsAndCountsTheRest() {
        List<ChainedEntry> events = new ArrayList<>(chain(1200));
        ChainHead head = headOf(events);
        events.replaceAll(c -> replaced(c, withDetails(c.entry(), "x", c.entry().hash())));

        Outcome result = check(events, head);

        assertThat(result.problems()).hasSize(1001).last().isEqualTo("... and 200 more problems");
    }
}
