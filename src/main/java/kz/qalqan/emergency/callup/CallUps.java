package kz.qalqan.emergency.callup;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.CallUpOrdered;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyStatusChanged;
import kz.qalqan.notification.CorrelationSummary;
import kz.qalqan.notification.Enqueued;
import kz.qalqan.notification.MessageView;
import kz.qalqan.notification.Notice;
import kz.qalqan.notification.Notifications;
import kz.qalqan.notification.Recipient;
import kz.qalqan.notification.ReplyReceived;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.registry.MemberContact;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Region;
import kz.qalqan.shared.GeoPoint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The emergency side of a call-up: sends the call-up messages when a coordinator confirms a selection
 * ({@link CallUpOrdered}), stores each member's answer on their activation ({@link ReplyReceived}), releases the
 * activated members and tells them at stand-down or cancellation ({@link EmergencyStatusChanged}), and reports
 * progress. Messages go through the notification outbox, one per member in their language, under the idempotency
 * key {@code callup:<emergency>:<call-up>} (stand-down: {@code standdown:<emergency>:<n>}), so a repeated event
 * sends nothing twice.
 */
@Service
@Transactional
public class CallUps {

    private static final Pattern CALL_UP_CORRELATION = Pattern.compile("emergency-(\\d+)-callup-(\\d+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Asia/Almaty"));
    private static final int SILENT_LIMIT = 1_000;

    private final CallUpRepository repository;
    private final Emergencies emergencies;
    private final Notifications notifications;
    private final MemberDirectory members;
    private final OrgStructure org;
    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final CallUpProperties properties;
    private final Clock clock;

    CallUps(CallUpRepository repository, Emergencies emergencies, Notifications notifications, MemberDirectory members,
            OrgStructure org, CurrentCaller caller, AuditTrail audit, CallUpProperties properties, Clock clock) {
        this.repository = repository;
        this.emergencies = emergencies;
        this.notifications = notifications;
        this.members = members;
        this.org = org;
        this.caller = caller;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues the call-up messages (once per call-up; a repeat of the event finds the row and does nothing). */
    void send(CallUpOrdered event) {
        if (repository.exists(event.emergencyId(), event.callUpId())) {
            return;
        }
        Emergency emergency = emergencies.find(event.emergencyId());
        Instant now = clock.instant();
        if (emergency.status() != EmergencyStatus.ACTIVE) {
            // confirmed just as the emergency was stood down or cancelled: nobody is called to a finished operation
            repository.insert(new CallUpRepository.Row(emergency.id(), event.callUpId(), event.correlationId(),
                    event.orderedBy(), now, event.memberIds().size(), 0, 0, event.memberIds().size()));
            audit.record("CALLUP_SEND", "emergency", Long.toString(emergency.id()), emergency.orgPath(), null,
                    "call-up " + event.callUpId() + " ordered by " + event.orderedBy() + ": not sent, the emergency is "
                            + emergency.status());
            return;
        }
        List<MemberContact> contacts = event.memberIds().isEmpty() ? List.of() : members.contacts(event.memberIds());
        repository.ensureActivations(emergency.id(), contacts.stream().map(MemberContact::id).toList(),
                contacts.stream().map(MemberContact::orgPath).toList(), now, event.orderedBy());
        Notice notice = new Notice("callup", Map.of("title", emergency.title(), "place", place(emergency),
                "time", TIME.format(now.plus(properties.reportWithin()))), properties.channels(),
                "callup:" + emergency.id() + ":" + event.callUpId(), event.correlationId(), true, properties.replyWithin());
        Enqueued enqueued = contacts.isEmpty() ? new Enqueued(event.correlationId(), 0, 0, 0, 0)
                : notifications.enqueueTo(notice, contacts.stream().map(Recipient::of).toList());
        int unreachable = event.memberIds().size() - contacts.size() + enqueued.unreachable();
        repository.insert(new CallUpRepository.Row(emergency.id(), event.callUpId(), event.correlationId(),
                event.orderedBy(), now, event.memberIds().size(), enqueued.queued(), enqueued.duplicates(), unreachable));
        audit.record("CALLUP_SEND", "emergency", Long.toString(emergency.id()), emergency.orgPath(), null,
                "call-up " + event.callUpId() + " ordered by " + event.orderedBy() + ": members=" + event.memberIds().size() + " queued=" + enqueued.queued()
                        + " unreachable=" + unreachable);
    }

    /** Stores a member's answer to a call-up on their activation. */
    void answer(ReplyReceived reply) {
        Matcher m = CALL_UP_CORRELATION.matcher(reply.correlationId() == null ? "" : reply.correlationId());
        if (!m.matches()) {
            return;
        }
        long emergencyId = Long.parseLong(m.group(1));
        String reason = reply.reason() == null || reply.reason().isBlank() ? null
                : reply.reason().length() > 500 ? reply.reason().substring(0, 500) : reply.reason();
        Optional<String> orgPath = repository.answer(emergencyId, reply.memberId(), reply.answer(), reason, clock.instant());
        orgPath.ifPresent(path -> audit.record("ACTIVATION_ANSWER", "member", Long.toString(reply.memberId()), path, null,
                "emergency " + emergencyId + ": " + reply.answer()));
    }

    /** At stand-down or cancellation: releases the activated members and sends each a stand-down notice. */
    void standDown(EmergencyStatusChanged change) {
        if (change.to() != EmergencyStatus.STOOD_DOWN && change.to() != EmergencyStatus.CANCELLED) {
            return;
        }
        Emergency emergency = emergencies.find(change.emergencyId());
        Instant now = clock.instant();
        int seq = repository.nextStandDown(emergency.id());
        List<Long> released = repository.release(emergency.id(), now);
        int queued = 0;
        if (!released.isEmpty()) {
            Notice notice = new Notice("standdown", Map.of("title", emergency.title()), properties.channels(),
                    "standdown:" + emergency.id() + ":" + seq, "emergency-" + emergency.id() + "-standdown-" + seq, false, null);
            queued = notifications.enqueue(notice, released).queued();
        }
        repository.insertStandDown(emergency.id(), seq, change.to().name(), released.size(), queued, now);
        audit.record("CALLUP_STAND_DOWN", "emergency", Long.toString(emergency.id()), emergency.orgPath(), change.reason(),
                change.to() + ": released=" + released.size() + " notified=" + queued);
    }

    /** The call-ups of an emergency the caller watches (404 otherwise), with counts and the silent. */
    @Transactional
    public CallUpProgress progress(long emergencyId) {
        return progress(emergencyId, true);
    }

    /** As {@link #progress(long)}; without the lists (and their contacts) when {@code lists} is false. */
    @Transactional
    public CallUpProgress progress(long emergencyId, boolean lists) {
        Emergency emergency = emergencies.find(emergencyId);
        List<CallUpProgress.CallUp> list = new ArrayList<>();
        List<MessageView> silentMessages = new ArrayList<>();
        List<CallUpProgress.Answered> answers = new ArrayList<>();
        Map<Long, Long> callUpOf = new HashMap<>();
        CallUpProgress.Counts total = CallUpProgress.Counts.ZERO;
        boolean sender = !caller.get().scopeFor(Notifications.SENDERS).isNothing();
        for (CallUpRepository.Row row : repository.callUps(emergency.id())) {
            List<MessageView> messages = sender ? notifications.messages(row.correlationId()) : List.of();
            CorrelationSummary summary = sender ? notifications.summary(row.correlationId()) : null;
            CallUpProgress.Counts counts = counts(row, summary, messages);
            list.add(new CallUpProgress.CallUp(row.callUpId(), row.correlationId(), row.orderedBy(), row.orderedAt(), counts));
            total = total.plus(counts);
            for (MessageView message : messages) {
                if (!lists) {
                    continue;
                }
                if (silent(message)) {
                    silentMessages.add(message);
                    callUpOf.put(message.id(), row.callUpId());
                } else if (message.answer() != null && answers.size() < SILENT_LIMIT) {
                    answers.add(new CallUpProgress.Answered(message.memberId(), message.memberName(), row.callUpId(),
                            message.answer().name(), message.reason(), message.repliedAt()));
                }
            }
        }
        boolean truncated = silentMessages.size() > SILENT_LIMIT || answers.size() >= SILENT_LIMIT;
        List<MessageView> shown = silentMessages.stream()
                .sorted((a, b) -> Integer.compare(b.escalationLevel(), a.escalationLevel()))
                .limit(SILENT_LIMIT).toList();
        Map<Long, MemberContact> contacts = shown.isEmpty() ? Map.of()
                : members.contacts(shown.stream().map(MessageView::memberId).distinct().toList()).stream()
                .collect(Collectors.toMap(MemberContact::id, Function.identity(), (a, b) -> a));
        List<CallUpProgress.Silent> silent = shown.stream().map(mv -> {
            MemberContact c = contacts.get(mv.memberId());
            return new CallUpProgress.Silent(mv.memberId(), mv.memberName(), callUpOf.get(mv.id()), mv.status(),
                    mv.currentChannel() == null ? null : mv.currentChannel().name(), mv.escalationLevel(), mv.sentAt(),
                    c == null ? null : c.phone(), c == null ? null : c.email());
        }).toList();
        Map<String, Long> activations = repository.activations(emergency.id(), caller.get().scopeFor(Emergencies.WATCHERS));
        audit.record("CALLUP_READ", "emergency", Long.toString(emergency.id()), emergency.orgPath(), null,
                "call-ups=" + list.size() + " silent=" + silent.size());
        answers.sort(java.util.Comparator.comparing(CallUpProgress.Answered::repliedAt,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        return new CallUpProgress(emergency.id(), total, list, activations, silent, answers, truncated, clock.instant());
    }

    /** Silent: no answer yet, whether or not a channel reached them (a message that failed escalates too). */
    private static boolean silent(MessageView m) {
        return m.answer() == null;
    }

    /**
     * Counts of messages, by status, answer and silence come from the outbox's set-based summary (exact however large the
     * call-up); escalation levels from the message list, which the outbox caps at 5,000 per call-up.
     */
    private static CallUpProgress.Counts counts(CallUpRepository.Row row, CorrelationSummary summary,
                                                List<MessageView> messages) {
        long level1 = messages.stream().filter(m -> m.escalationLevel() == 1).count();
        long level2 = messages.stream().filter(m -> m.escalationLevel() >= 2).count();
        Map<String, Long> status = summary == null ? Map.of() : summary.byStatus();
        Map<String, Long> answer = summary == null ? Map.of() : summary.byAnswer();
        long sent = status.getOrDefault("SENT", 0L) + status.getOrDefault("DELIVERED", 0L);
        // queued = the messages that exist under the call-up's correlation (what the viewer may see), never what an
        // enqueue claimed: a key already taken by someone else queues nothing and must not look queued
        long queued = summary == null ? row.queued() : summary.messages();
        return new CallUpProgress.Counts(row.members(), queued, row.unreachable(),
                status.getOrDefault("PENDING", 0L) + status.getOrDefault("SENDING", 0L), sent,
                status.getOrDefault("DELIVERED", 0L), status.getOrDefault("FAILED", 0L), answer.getOrDefault("ACCEPT", 0L),
                answer.getOrDefault("DECLINE", 0L), answer.getOrDefault("UNABLE", 0L),
                summary == null ? 0 : summary.silent(), level1 + level2, level1, level2);
    }

    /** Where the call-up asks members to come: the named regions, else the centre of the area. */
    private String place(Emergency emergency) {
        EmergencyArea area = emergency.area();
        List<String> names = area.regionCodes().stream().map(org::region).flatMap(Optional::stream)
                .map(CallUps::regionName).toList();
        if (!names.isEmpty()) {
            return String.join(", ", names);
        }
        GeoPoint centre = area.centre();
        if (centre != null) {
            return String.format(Locale.ROOT, "%.4f, %.4f", centre.lat(), centre.lon());
        }
        return emergency.title();
    }

    private static String regionName(Region r) {
        return r.nameKk() + " / " + r.nameRu();
    }
}
