package kz.qalqan.emergency.callup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the call-ups of an emergency stand: per call-up and in total, the members ordered and what became of their
 * messages and answers; the activations by status; and who is still silent, with their escalation level and
 * contacts. Message counts cover the members the viewer may see in the notification outbox (ADMIN, COMMANDER,
 * EMERGENCY_COORDINATOR over their scope); activation counts cover every watcher's scope.
 */
public record CallUpProgress(long emergencyId, Counts total, List<CallUp> callUps, Map<String, Long> activations,
                             List<Silent> silent, List<Answered> answers, boolean listsTruncated, Instant at) {

    /**
     * {@code sent} counts messages that left on a channel (delivered included); {@code silent} those without an
     * answer (failed ones included: their escalation goes to the commander); {@code escalated} those escalated at all, split into the next channel (level 1)
     * and the commander (level 2).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CallUpCounts") // the simple name is taken by another schema
    public record Counts(long ordered, long queued, long unreachable, long pending, long sent, long delivered,
                         long failed, long accepted, long declined, long unable, long silent, long escalated,
                         long escalatedToNextChannel, long escalatedToCommander) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public long answered() {
            return accepted + declined + unable;
        }

        /** Answered as a share of the messages, 0–100. */
        public int percentAnswered() {
            long base = Math.max(queued, answered() + silent);
            return base == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * answered() / base));
        }

        /** Sent (or failed for good) as a share of the messages, 0–100. */
        public int percentSent() {
            long base = Math.max(queued, sent + failed + pending);
            return base == 0 ? 0 : (int) Math.min(100, Math.round(100.0 * (sent + failed) / base));
        }

        Counts plus(Counts o) {
            return new Counts(ordered + o.ordered, queued + o.queued, unreachable + o.unreachable, pending + o.pending,
                    sent + o.sent, delivered + o.delivered, failed + o.failed, accepted + o.accepted,
                    declined + o.declined, unable + o.unable, silent + o.silent, escalated + o.escalated,
                    escalatedToNextChannel + o.escalatedToNextChannel, escalatedToCommander + o.escalatedToCommander);
        }
    }

    /** One call-up (one confirmed selection). */
    public record CallUp(long callUpId, String correlationId, String orderedBy, Instant orderedAt, Counts counts) {
    }

    /** A member's answer to a call-up. */
    public record Answered(long memberId, String name, long callUpId, String answer, String reason, Instant repliedAt) {
    }

    /** A member who has not answered: where their message stands and how to reach them. */
    public record Silent(long memberId, String name, long callUpId, String status, String channel, int escalationLevel,
                         Instant sentAt, String phone, String email) {
    }
}
