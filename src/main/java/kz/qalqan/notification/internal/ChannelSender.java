package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;

/** One way out. Implementations are thread-safe; they throw when the channel refused or could not be reached. */
public interface ChannelSender {

    Channel channel();

    /** Configured at all (settings present). */
    boolean configured();

    /** The member has an address on this channel. */
    boolean reaches(Claimed message);

    /** Sends, carrying the message's idempotency key so that the receiving side can drop a repeat. */
    Sent send(Claimed message, String replyUrl) throws Exception;
}
