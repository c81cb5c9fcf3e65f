package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of one claimed message: the attempts made (skips included), and the state to store. {@code
 * delivered} is set when the channel's answer is itself a delivery receipt.
 */
public record Outcome(long messageId, String status, int channelIndex, int attempts, Instant nextAttemptAt,
                      Instant sentAt, Instant deliveredAt, String lastError, List<Attempt> tried, Receipt receipt) {

    public record Attempt(int attemptNo, Channel channel, String outcome, String detail) {
    }

    public record Receipt(Channel channel, String externalId, String status) {
    }

    static List<Attempt> list() {
        return new ArrayList<>();
    }
}
