package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;
import kz.qalqan.audit.VerificationResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the events in {@code seq} order and names each one that was modified, removed or added behind the
 * application's back. Holds one event at a time, so it checks any length of chain in constant memory.
 */
public final class ChainCheck {

    static final int MAX_PROBLEMS = 1000;

    private final ChainHead head;
    private final List<String> problems = new ArrayList<>();
    private long unlisted;
    private long expectedSeq = 1;
    private String previousHash = AuditHash.GENESIS;
    private long checked;

    public ChainCheck(ChainHead head) {
        this.head = head;
    }

    public void next(AuditEntry e) {
        checked++;
        if (e.seq() != expectedSeq) {
            problem(missing(expectedSeq, e.seq() - 1) + (expectedSeq == 1
                    ? ": the chain starts at seq " + e.seq()
                    : ": the chain jumps from seq " + (expectedSeq - 1) + " to seq " + e.seq()));
        } else if (!e.prevHash().equals(previousHash)) {
            problem("row " + e.seq() + ": its prev_hash does not match the hash of row " + (e.seq() - 1)
                    + " (row " + (e.seq() - 1) + " was changed and re-hashed, or replaced)");
        }
        if (!AuditHash.of(e).equals(e.hash())) {
            problem("row " + e.seq() + " was modified: its content does not match its hash");
        }
        if (e.seq() > head.seq()) {
            problem("row " + e.seq() + " was added outside the application: the chain's head is at seq " + head.seq());
        }
        expectedSeq = e.seq() + 1;
        previousHash = e.hash();
    }

    public VerificationResult result() {
        long last = expectedSeq - 1;
        if (last < head.seq()) {
            problem(missing(expectedSeq, head.seq()) + " at the end: the chain's head is at seq " + head.seq());
        } else if (last == head.seq() && !previousHash.equals(head.hash())) {
            problem("row " + last + ": its hash does not match the chain's head (the row was changed and re-hashed, or replaced)");
        }
        List<String> listed = new ArrayList<>(problems);
        if (unlisted > 0) {
            listed.add("... and " + unlisted + " more problems");
        }
        return new VerificationResult(problems.isEmpty(), checked, listed);
    }

    private static String missing(long from, long to) {
        return from == to ? "row " + from + " is missing" : "rows " + from + " to " + to + " are missing";
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        } else {
            unlisted++;
        }
    }
}
