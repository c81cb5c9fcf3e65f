/**
 * The audit trail: who wrote what, and who read whose personal record or sensitive fields, when, in which
 * role, from which address and why. Other modules call {@link kz.qalqan.audit.AuditTrail#record} inside the
 * transaction of the change they audit. Events are append-only (database triggers) and chained by SHA-256
 * hashes in several stripes (so that concurrent transactions do not queue on one row), with checkpoints that
 * bind the stripes' heads, so {@code java -jar qalqan.jar audit verify} detects a row changed or removed behind the
 * application's back. Auditors search and export the trail over {@code /api/audit} and on the {@code /audit} page
 * ({@code audit.web}), which names every action, role and kind of record in the reader's language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"shared", "platform"})
package kz.qalqan.audit;
