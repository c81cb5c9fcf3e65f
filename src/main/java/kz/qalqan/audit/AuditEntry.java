package kz.qalqan.audit;

import java.time.Instant;

/**
 * One event of the audit trail.
 *
 * @param seq           position in the chain, 1 for the first event, without gaps
 * @param at            when, truncated to microseconds (the database's precision)
 * @param actor         the signed-in user's name, {@code system} outside a request, {@code anonymous} before sign-in
 * @param role          the role the actor used, or {@code null}
 * @param action        what happened, e.g. {@code MEMBER_READ}, {@code MEMBER_UPDATE}, {@code LOGIN_FAILED}
 * @param entityType    the kind of thing acted on, e.g. {@code MEMBER}
 * @param entityId      which one, or {@code null} (a search)
 * @param orgPath       the org node the thing belongs to, for scoped review, or {@code null}
 * @param clientAddress the client's IP address, {@code null} outside an HTTP request
 * @param reason        the reason the user gave (e.g. when opening medical details), or {@code null}
 * @param details       free text such as search criteria or changed fields, or {@code null}
 * @param prevHash      the hash of the event before (64 zeros for the first)
 * @param hash          SHA-256 over this event's fields and {@code prevHash}, lowercase hex
 */
public record AuditEntry(long seq, Instant at, String actor, String role, String action, String entityType,
                         String entityId, String orgPath, String clientAddress, String reason, String details,
                         String prevHash, String hash) {
}
