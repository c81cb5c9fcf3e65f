package kz.qalqan.notification;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.notification.internal.OutboxRepository;
import kz.qalqan.notification.internal.ReplyKeywords;
import kz.qalqan.notification.internal.ReplyTokens;
import kz.qalqan.notification.internal.Templates;
import kz.qalqan.platform.FieldProblem;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.NotFoundException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends messages to members and hears their replies. {@link #enqueue} puts one message per member into the
 * outbox (set-based: a call-up to 100,000 members is one COPY and one INSERT … SELECT); the dispatch workers
 * send them. Only ADMIN, COMMANDER and EMERGENCY_COORDINATOR send, and only to members in their scope; the same
 * roles see messages and replies in their scope. Every enqueue, read and reply is audited.
 */
@Service
@Transactional
public class Notifications {

    /** Who may send messages and watch their answers, over the members in their scope. */
    public static final Role[] SENDERS = {Role.ADMIN, Role.COMMANDER, Role.EMERGENCY_COORDINATOR};

    private static final int VIEW_LIMIT = 5_000;
    /**
     * The most members one enqueue through the API names (their ids fit in the 1 MB a JSON body may have), and
     * template parameters it carries. Call-ups of more people are enqueued inside the application, not through the API.
     */
    /** Refusal codes the API edge shares with the rules here. */
    public static final String REPLY_WITHIN_NOT_POSITIVE = "notification.replyWithin.notPositive";
    public static final String ANSWER_UNKNOWN = "notification.answer.unknown";

    public static final int MAX_MEMBERS = 100_000;
    public static final int MAX_PARAMETERS = 20;
    /** The longest idempotency key and correlation id a caller of the API may give (their space is added in front). */
    public static final int MAX_CALLER_KEY = 100;
    public static final int MAX_CALLER_CORRELATION = 120;

    private final OutboxRepository outbox;
    private final Templates templates;
    private final ReplyTokens tokens;
    private final MemberDirectory members;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifications(OutboxRepository outbox, Templates templates, ReplyTokens tokens, MemberDirectory members,
                  CurrentCaller caller, AuditTrail audit, ApplicationEventPublisher events,
                  NotificationProperties properties, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.tokens = tokens;
        this.members = members;
        this.caller = caller;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One message per member, rendered in the member's language, contacts from the registry. Members the caller
     * may not reach are left out and counted as unreachable; a member whose key is already queued is a duplicate.
     */
    public Enqueued enqueue(Notice notice, Collection<Long> memberIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(memberIds));
        List<Recipient> recipients = members.contacts(ids).stream().map(Recipient::of).toList();
        Enqueued result = enqueueTo(notice, recipients);
        return new Enqueued(result.correlationId(), ids.size(), result.queued(), result.duplicates(),
                ids.size() - result.queued() - result.duplicates());
    }

    /**
     * The space of keys and correlation ids that belong to one signed-in caller of the API: {@code api/<username>/}.
     * Modules use their own prefixes ({@code callup:}, {@code accountability:}, {@code emergency-…}), which never
     * start with {@code api/}, so no caller can occupy a module's keys (and block a call-up by queueing decoys
     * under its predictable key) nor another caller's, nor add messages to a module's correlation (its progress,
     * its replies, its status-check links).
     */
    public static String callerSpace(String username) {
        return "api/" + username + "/";
    }

    /**
     * {@link #enqueue} for a person calling the API: the given idempotency key and correlation id are placed in the
     * caller's own space ({@link #callerSpace}); the answer names the correlation id as stored, to read it back.
     */
    public Enqueued enqueueAsCaller(Notice notice, Collection<Long> memberIds) {
        List<FieldProblem> problems = new ArrayList<>();
        if (notice.idempotencyKey() != null && notice.idempotencyKey().length() > MAX_CALLER_KEY) {
            problems.add(FieldProblem.of("idempotencyKey", "notification.key.too-long", MAX_CALLER_KEY));
        }
        if (notice.correlationId() != null && notice.correlationId().length() > MAX_CALLER_CORRELATION) {
            problems.add(FieldProblem.of("correlationId", "notification.correlation.too-long", MAX_CALLER_CORRELATION));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String space = callerSpace(caller.get().username());
        Notice own = new Notice(notice.templateKey(), notice.parameters(), notice.channels(),
                blank(notice.idempotencyKey()) ? notice.idempotencyKey() : space + notice.idempotencyKey(),
                blank(notice.correlationId()) ? notice.correlationId() : space + notice.correlationId(),
                notice.expectsReply(), notice.replyWithin());
        return enqueue(own, memberIds);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** As {@link #enqueue} for callers that already hold the recipients' contacts (a read model, a benchmark). */
    public Enqueued enqueueTo(Notice notice, List<Recipient> recipients) {
        Map<String, kz.qalqan.notification.internal.OutboxRepository.Rendered> texts = check(notice);
        Scope scope = caller.get().scopeFor(SENDERS);
        List<Recipient> reachable = scope.isEverything() ? recipients
                : recipients.stream().filter(r -> scope.covers(r.orgPath())).toList();
        long within = (notice.replyWithin() == null ? properties.replyWithin() : notice.replyWithin()).toSeconds();
        int queued = reachable.isEmpty() ? 0 : outbox.enqueue(notice, reachable, texts, within, clock.instant());
        String area = reachable.isEmpty() ? scope.commonPath()
                : Scope.commonPath(reachable.stream().map(Recipient::orgPath).toList());
        audit.record("NOTIFICATION_ENQUEUE", "correlation", notice.correlationId(), area, null,
                "template=" + notice.templateKey() + " channels=" + notice.channels() + " recipients=" + reachable.size()
                        + " queued=" + queued);
        return new Enqueued(notice.correlationId(), recipients.size(), queued, reachable.size() - queued,
                recipients.size() - reachable.size());
    }

    private Map<String, kz.qalqan.notification.internal.OutboxRepository.Rendered> check(Notice notice) {
        List<FieldProblem> problems = new ArrayList<>();
        if (notice.idempotencyKey() == null || notice.idempotencyKey().isBlank() || notice.idempotencyKey().length() > 150) {
            problems.add(FieldProblem.of("idempotencyKey", "notification.key.invalid", 150));
        }
        if (notice.correlationId() == null || notice.correlationId().isBlank() || notice.correlationId().length() > 200) {
            problems.add(FieldProblem.of("correlationId", "notification.correlation.invalid", 200));
        }
        if (notice.channels().isEmpty() || notice.channels().size() > 3
                || new LinkedHashSet<>(notice.channels()).size() != notice.channels().size()) {
            problems.add(FieldProblem.of("channels", "notification.channels.invalid"));
        }
        if (notice.replyWithin() != null && (notice.replyWithin().isNegative() || notice.replyWithin().isZero())) {
            problems.add(FieldProblem.of("replyWithin", REPLY_WITHIN_NOT_POSITIVE));
        }
        var texts = templates.render(notice.templateKey(), notice.parameters());
        if (texts.isEmpty()) {
            problems.add(FieldProblem.of("templateKey", "notification.templateKey.unknown", String.valueOf(notice.templateKey())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return texts.get();
    }

    /** The messages of a correlation id that the caller may see, oldest first. */
    public List<MessageView> messages(String correlationId) {
        List<MessageView> list = outbox.messages(requireCorrelation(correlationId), viewing(), false, VIEW_LIMIT);
        audit.record("NOTIFICATION_READ", "correlation", correlationId, viewing().commonPath(), null, "messages=" + list.size());
        return list;
    }

    /** Who has not answered yet (messages that expect a reply, not failed, without one). */
    public List<MessageView> silent(String correlationId) {
        List<MessageView> list = outbox.messages(requireCorrelation(correlationId), viewing(), true, VIEW_LIMIT);
        audit.record("NOTIFICATION_READ", "correlation", correlationId, viewing().commonPath(), null, "silent=" + list.size());
        return list;
    }

    /** Counts by status and answer, within the caller's scope. */
    public CorrelationSummary summary(String correlationId) {
        requireCorrelation(correlationId);
        Scope scope = viewing();
        Map<String, Long> byStatus = outbox.countByStatus(correlationId, scope);
        CorrelationSummary summary = new CorrelationSummary(correlationId,
                byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus,
                outbox.countByAnswer(correlationId, scope), outbox.countSilent(correlationId, scope));
        audit.record("NOTIFICATION_READ", "correlation", correlationId, viewing().commonPath(), null, "summary");
        return summary;
    }

    private Scope viewing() {
        return caller.get().scopeFor(SENDERS);
    }

    private static String requireCorrelation(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            throw InvalidInputException.coded("correlation", "notification.correlation.required");
        }
        return correlationId;
    }

    /** What the one-tap reply page shows: the message in the member's language and any answer already given. */
    public record ReplyView(long messageId, String language, String subject, String body, Answer answer, String reason,
                            Instant expires) {
    }

    /**
     * The message behind a reply link, audited as {@code NOTIFICATION_LINK_OPEN}. A tampered, malformed or expired
     * link is as absent as a missing message (404), so that the page tells an attacker nothing.
     */
    @Transactional
    public ReplyView replyView(String token) {
        var verified = tokens.verify(token, clock.instant()).orElseThrow(Notifications::invalidLink);
        var target = outbox.replyTarget(verified.messageId()).filter(OutboxRepository.ReplyTarget::expectsReply)
                .orElseThrow(Notifications::invalidLink);
        // a public link shows a person's message to whoever holds it: every opening is on the record
        audit.record("NOTIFICATION_LINK_OPEN", "notification_message", Long.toString(target.messageId()), target.orgPath(),
                null, "reply link");
        return new ReplyView(target.messageId(), target.language(), target.subject(), target.body(), target.answer(),
                target.reason(), verified.expires());
    }

    /** Who and what a valid reply link is for; features with their own reply page (accountability) read it. */
    public record LinkTarget(long messageId, String correlationId, long memberId, String orgPath, String language,
                             String subject, String body, Instant expires) {
    }

    /**
     * The message behind a valid, unexpired reply link that expects a reply; empty for a tampered, malformed or
     * expired one. Correlation ids starting {@code accountability:} are status checks, answered on {@code /a/{token}}.
     */
    @Transactional(readOnly = true)
    public Optional<LinkTarget> linkTarget(String token) {
        return tokens.verify(token, clock.instant()).flatMap(verified -> outbox.replyTarget(verified.messageId())
                .filter(OutboxRepository.ReplyTarget::expectsReply)
                .map(t -> new LinkTarget(t.messageId(), t.correlationId(), t.memberId(), t.orgPath(), t.language(),
                        t.subject(), t.body(), verified.expires())));
    }

    /**
     * The member answered a message through a feature's own page or API (an accountability status report): the
     * messages with these idempotency keys ({@link Notice#keyFor}) count as answered (ACCEPT, the feature's answer as
     * the reason), so escalation leaves them alone and they are no longer silent. No {@link ReplyReceived} is
     * published: the feature publishes its own event. Answers how many messages were marked.
     */
    public int answeredElsewhere(Collection<String> messageKeys, String reason, String via) {
        return messageKeys.isEmpty() ? 0 : outbox.answeredElsewhere(messageKeys, reason, via, clock.instant());
    }

    /** Whether a link is a status check of accountability rather than a call-up to accept or decline. */
    public static boolean isStatusCheck(String correlationId) {
        return correlationId != null && correlationId.startsWith("accountability:");
    }

    /**
     * Stores the member's answer from a reply link (page or API). The first answer counts; a repeat returns the
     * stored one. Publishes {@link ReplyReceived} once.
     */
    public ReplyView reply(String token, Answer answer, String reason, String via) {
        var verified = tokens.verify(token, clock.instant()).orElseThrow(Notifications::invalidLink);
        var target = outbox.replyTarget(verified.messageId()).filter(OutboxRepository.ReplyTarget::expectsReply)
                .orElseThrow(Notifications::invalidLink);
        if (answer == null) {
            throw InvalidInputException.coded("answer", ANSWER_UNKNOWN);
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleanReason != null && cleanReason.length() > 500) {
            throw InvalidInputException.coded("reason", "notification.reason.tooLong", 500);
        }
        store(target, answer, cleanReason, via);
        return replyView(token);
    }

    /**
     * The member's answer from their inbox in Qalqan: the message must be theirs and await a reply (a status check
     * is answered on its own page). The first answer counts, as with a link. Answers whether it was taken.
     */
    public boolean replyFromInbox(long memberId, long messageId, Answer answer) {
        var target = outbox.replyTarget(messageId)
                .filter(t -> t.memberId() == memberId && t.expectsReply() && !isStatusCheck(t.correlationId()))
                .orElseThrow(() -> new NotFoundException("no message " + messageId + " awaits this member's answer"));
        if (answer == null) {
            throw InvalidInputException.coded("answer", "notification.inbox.answer.required");
        }
        return store(target, answer, null, "INBOX");
    }

    /**
     * A text from a phone (SMS deliver_sm): matched to the newest message to that number awaiting a reply, and
     * read with the reply keywords. Answers whether it was taken as a reply.
     */
    public boolean replyBySms(String phone, String text) {
        String normalized = phone == null ? null : (phone.startsWith("+") ? phone : "+" + phone);
        Optional<ReplyKeywords.Parsed> parsed = ReplyKeywords.parse(text);
        if (normalized == null || parsed.isEmpty()) {
            return false;
        }
        Optional<Long> id = outbox.awaitingReplyByPhone(normalized);
        if (id.isEmpty()) {
            return false;
        }
        var target = outbox.replyTarget(id.get()).orElseThrow();
        return store(target, parsed.get().answer(), parsed.get().reason(), "SMS");
    }

    private boolean store(OutboxRepository.ReplyTarget target, Answer answer, String reason, String via) {
        if (!outbox.reply(target, answer, reason, via, clock.instant())) {
            return false;
        }
        audit.record("NOTIFICATION_REPLY", "member", Long.toString(target.memberId()), target.orgPath(), null,
                "message " + target.messageId() + " " + answer + " via " + via);
        events.publishEvent(new ReplyReceived(target.messageId(), target.correlationId(), target.memberId(), answer, reason));
        return true;
    }

    private static NotFoundException invalidLink() {
        return new NotFoundException("This reply link is not valid or has expired");
    }

    /** Messages still to be sent (pending or being sent), everywhere. */
    @Transactional(readOnly = true)
    public long pending() {
        return outbox.pending();
    }

    /** The configured default time to wait for a reply before escalating. */
    public Duration defaultReplyWithin() {
        return properties.replyWithin();
    }
}
