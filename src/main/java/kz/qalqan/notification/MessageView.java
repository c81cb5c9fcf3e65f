package kz.qalqan.notification;

import java.time.Instant;
import java.util.List;

/** A message as staff see it: where it stands, over which channel, and the answer if any. */
public record MessageView(long id, String correlationId, long memberId, String memberName, String language,
                          List<Channel> channels, Channel currentChannel, String status, int attempts,
                          Instant sentAt, Instant deliveredAt, int escalationLevel, Answer answer, String reason,
                          Instant repliedAt, String lastError) {
}
