package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;

import java.util.List;

/** A message a worker holds under its lease, with everything a channel needs to send it. */
public record Claimed(long id, String idempotencyKey, String correlationId, long memberId, String memberName,
                      String language, String subject, String body, String email, String phone,
                      List<Channel> channels, int channelIndex, int attempts, boolean expectsReply) {
}
