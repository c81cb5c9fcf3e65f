package kz.qalqan.audit.internal;

import java.time.Instant;

/** A moment at which every stripe's head was bound into the checkpoint chain. */
public record Checkpoint(long id, Instant at, String heads, String prevHash, String hash) {
}
