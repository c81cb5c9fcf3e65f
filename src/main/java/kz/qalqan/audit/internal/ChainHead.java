package kz.qalqan.audit.internal;

/** The last event of the chain as {@code audit.head} records it: {@code seq} 0 and the genesis hash when empty. */
public record ChainHead(long seq, String hash) {
}
