package kz.qalqan.audit;

import java.time.Instant;
import java.util.StringJoiner;

/**
 * Search criteria for the audit trail; every one is optional, blank text counts as absent.
 *
 * @param from      inclusive
 * @param to        exclusive
 * @param limit     page size; 0 or less means {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}
 * @param beforeSeq only events older than this one: pass the {@code seq} of the last event of a page to get the next
 */
public record AuditQuery(String actor, String entityType, String entityId, String action, Instant from, Instant to,
                         int limit, Long beforeSeq) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        actor = blankToNull(actor);
        entityType = blankToNull(entityType);
        entityId = blankToNull(entityId);
        action = blankToNull(action);
    }

    /** Everything, newest first, one default page. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, 0, null);
    }

    public int effectiveLimit() {
        return limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public AuditQuery before(long seq) {
        return new AuditQuery(actor, entityType, entityId, action, from, to, limit, seq);
    }

    /** The criteria as recorded in the details of the audit event that the search itself leaves. */
    String describe() {
        StringJoiner s = new StringJoiner(" ");
        s.setEmptyValue("all");
        add(s, "actor", actor);
        add(s, "entityType", entityType);
        add(s, "entityId", entityId);
        add(s, "action", action);
        add(s, "from", from);
        add(s, "to", to);
        add(s, "before", beforeSeq);
        return s.toString();
    }

    private static void add(StringJoiner s, String name, Object value) {
        if (value != null) {
            s.add(name + "=" + value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
