package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks one stripe's events in position order and names each one that was modified, removed or added behind the
 * application's back; rows are named by their {@code seq}, gaps by the stripe positions that are missing. Holds
 * one event at a time, so it checks any length of chain in constant memory.
 */
public final class ChainCheck {

    private final ChainHead head;
    private final Problems problems;
    private long expectedPosition = 1;
    private String previousHash = AuditHash.GENESIS;
    private long previousSeq;
    private long checked;

    public ChainCheck(ChainHead head, Problems problems) {
        this.head = head;
        this.problems = problems;
    }

    public void next(ChainedEntry chained) {
        AuditEntry e = chained.entry();
        long position = chained.position();
        checked++;
        if (position != expectedPosition) {
            problems.add(missing(expectedPosition, position - 1) + (expectedPosition == 1
                    ? ": the stripe starts at seq " + e.seq()
                    : ": the chain jumps from seq " + previousSeq + " to seq " + e.seq()));
        } else if (!e.prevHash().equals(previousHash)) {
            problems.add("row " + e.seq() + ": its prev_hash does not match the hash of row " + previousSeq
                    + " (row " + previousSeq + " was changed and re-hashed, or replaced)");
        }
        if (!AuditHash.of(e).equals(e.hash())) {
            problems.add("row " + e.seq() + " was modified: its content does not match its hash");
        }
        if (position > head.seq()) {
            problems.add("row " + e.seq() + " was added outside the application: stripe " + head.stripe()
                    + "'s head is at position " + head.seq());
        }
        expectedPosition = position + 1;
        previousHash = e.hash();
        previousSeq = e.seq();
    }

    /** Compares the end of the stripe with its head; returns how many events were checked. */
    public long finish() {
        long last = expectedPosition - 1;
        if (last < head.seq()) {
            problems.add(missing(expectedPosition, head.seq()) + " at the end: its head is at position " + head.seq());
        } else if (last == head.seq() && !previousHash.equals(head.hash())) {
            problems.add("row " + previousSeq + ": its hash does not match stripe " + head.stripe()
                    + "'s head (the row was changed and re-hashed, or replaced)");
        }
        return checked;
    }

    private String missing(long from, long to) {
        return "stripe " + head.stripe() + (from == to ? " position " + from + " is missing"
                : " positions " + from + " to " + to + " are missing");
    }

    /** The problems of a whole verification, of which at most a thousand are listed and the rest counted. */
    public static final class Problems {

        static final int MAX_LISTED = 1000;

        private final ArrayList<String> listed = new ArrayList<>();
        private long unlisted;

        public void add(String text) {
            if (listed.size() < MAX_LISTED) {
                listed.add(text);
            } else {
                unlisted++;
            }
        }

        public boolean none() {
            return listed.isEmpty();
        }

        public List<String> list() {
            List<String> out = new ArrayList<>(listed);
            if (unlisted > 0) {
                out.add("... and " + unlisted + " more problems");
            }
            return out;
        }
    }
}
