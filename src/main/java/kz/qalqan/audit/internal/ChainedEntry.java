package kz.qalqan.audit.internal;

import kz.qalqan.audit.AuditEntry;

/** An event with its place in the trail: its stripe and its position (1, 2, …) in that stripe's chain. */
public record ChainedEntry(AuditEntry entry, int stripe, long position) {
}
