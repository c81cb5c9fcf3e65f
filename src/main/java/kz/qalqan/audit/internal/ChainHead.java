package kz.qalqan.audit.internal;

/**
 * The last event of one stripe as {@code audit.head} records it: its position in the stripe ({@code 0} and the
 * genesis hash while the stripe is empty) and its hash.
 */
public record ChainHead(int stripe, long seq, String hash) {
}
