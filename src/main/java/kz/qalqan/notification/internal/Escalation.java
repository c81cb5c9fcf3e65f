package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;
import kz.qalqan.notification.Notice;
import kz.qalqan.notification.Notifications;
import kz.qalqan.notification.NotificationProperties;
import kz.qalqan.notification.Recipient;
import kz.qalqan.registry.MemberDirectory;
import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Position;
import kz.qalqan.registry.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Escalates silence, once cluster-wide (a PostgreSQL advisory lock held by the transaction; another node's run
 * simply finds the lock taken). A message expecting a reply and unanswered within its time is sent again on the
 * next channel of its notice (level 1); still unanswered after the same time again — or when there is no next
 * channel — the member's commander gets a message (level 2): the holder of the position titled
 * commander/командир in the member's unit, else in the nearest parent unit, else the configured
 * {@code qalqan.notification.commander-fallback-email}.
 */
@Component
public class Escalation {

    private static final Logger log = LoggerFactory.getLogger(Escalation.class);
    private static final Pattern COMMANDER = Pattern.compile("(?iu).*(командир|commander).*");
    private static final int BATCH = 1000;

    private final OutboxRepository outbox;
    private final Notifications notifications;
    private final OrgStructure org;
    private final MemberDirectory members;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final boolean scheduled;

    Escalation(OutboxRepository outbox, Notifications notifications, OrgStructure org, MemberDirectory members,
               NotificationProperties properties, Clock clock, PlatformTransactionManager transactions, Environment env) {
        this.outbox = outbox;
        this.notifications = notifications;
        this.org = org;
        this.members = members;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.scheduled = properties.dispatch() && !env.getProperty("qalqan.cli", Boolean.class, false);
    }

    @Scheduled(fixedDelayString = "${qalqan.notification.escalation-interval:30s}", initialDelayString = "${qalqan.notification.escalation-interval:30s}")
    void onSchedule() {
        if (scheduled) {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("escalation run failed, retried at the next interval: {}", e.toString());
            }
        }
    }

    /**
     * One escalation pass over everything due, in batches of {@value #BATCH} (one transaction each); the number of
     * messages escalated, or -1 when another node holds the lock.
     */
    public int run() {
        return runAt(clock.instant());
    }

    /**
     * As {@link #run()} as of {@code now}: the scheduler passes the clock's time, timing tests a later one instead
     * of waiting for it.
     */
    public int runAt(Instant now) {
        int total = 0;
        while (true) {
            int done = batch(now);
            if (done < 0) {
                return total == 0 ? -1 : total;
            }
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }

    private int batch(Instant now) {
        Integer done = tx.execute(status -> {
            if (!outbox.escalationLock()) {
                return -1;
            }
            int count = 0;
            for (OutboxRepository.Silent s : outbox.dueForEscalation(now, BATCH)) {
                if (s.escalationLevel() == 0 && !s.failed() && s.channelIndex() + 1 < s.channels().size()) {
                    outbox.resendOnNextChannel(s.messageId(), now);
                } else {
                    notifyCommander(s);
                    outbox.markCommanderNotified(s.messageId(), now);
                }
                count++;
            }
            return count;
        });
        return done == null ? 0 : done;
    }

    private void notifyCommander(OutboxRepository.Silent s) {
        Optional<Recipient> commander = commanderOf(s);  // also for a message no channel could deliver
        if (commander.isEmpty()) {
            log.warn("no commander found for member {} (message {}) and no fallback address configured", s.memberId(), s.messageId());
            return;
        }
        Notice notice = new Notice("escalation",
                Map.of("member", s.memberName() == null ? "#" + s.memberId() : s.memberName(),
                        "memberId", Long.toString(s.memberId()), "correlation", s.correlationId()),
                List.of(Channel.EMAIL, Channel.SMS, Channel.WEBHOOK), "escalation:" + s.messageId(),
                s.correlationId() + "/escalation", false, null);
        notifications.enqueueTo(notice, List.of(commander.get()));
    }

    Optional<Recipient> commanderOf(OutboxRepository.Silent s) {
        Long unitId = s.unitId();
        for (int depth = 0; unitId != null && depth < 8; depth++) {
            Unit unit;
            try {
                unit = org.unit(unitId);
            } catch (RuntimeException e) {
                break;
            }
            Optional<Long> holder = org.positions(unitId).stream()
                    .filter(p -> p.holderMemberId() != null && COMMANDER.matcher(p.title()).matches())
                    .map(Position::holderMemberId)
                    .filter(id -> id != s.memberId())
                    .findFirst();
            if (holder.isPresent()) {
                var contacts = members.contacts(List.of(holder.get()));
                if (!contacts.isEmpty()) {
                    return Optional.of(Recipient.of(contacts.get(0)));
                }
            }
            unitId = unit.parentId();
        }
        String fallback = properties.commanderFallbackEmail();
        if (fallback != null && !fallback.isBlank()) {
            return Optional.of(new Recipient(0, "duty", "kk", fallback, null, null, s.orgPath()));
        }
        return Optional.empty();
    }
}
