package kz.qalqan.notification.internal;

import kz.qalqan.notification.Channel;
import kz.qalqan.notification.MessageDelivered;
import kz.qalqan.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The outbox workers. Each loop claims a batch under a lease ({@code FOR UPDATE SKIP LOCKED}, so any number of
 * workers on any number of nodes never hold the same message), sends the batch in parallel outside any
 * transaction, and records each message's outcome, attempts and receipt in a short transaction of its own as soon as
 * its send returns (publishing {@link MessageDelivered} with it). A node that dies therefore leaves SENDING only the
 * messages it had claimed and not yet recorded; of those, only the ones whose send had begun — at most one per
 * sending thread ({@code qalqan.notification.concurrency}) — may already have reached the channel. When the node
 * starts again it takes its own leases back at once ({@link NodeLeases}); another node takes them when the lease
 * runs out. Either way they are sent again with the same idempotency key, which the receiving side uses to drop
 * the repeat.
 *
 * <p>Runs on its own in the server (unless {@code qalqan.notification.dispatch=false}); command-line tasks call
 * {@link #drain} instead.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxRepository outbox;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final ReplyTokens tokens;
    private final NotificationProperties properties;
    private final RetryPolicy retry;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final boolean autoStart;
    private final NodeLeases leases;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private ExecutorService sending;

    @org.springframework.beans.factory.annotation.Autowired
    Dispatcher(OutboxRepository outbox, List<ChannelSender> senders, ReplyTokens tokens, NotificationProperties properties,
               Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events, Environment environment,
               NodeLeases leases) {
        this.outbox = outbox;
        this.leases = leases;
        senders.forEach(s -> this.senders.put(s.channel(), s));
        this.tokens = tokens;
        this.properties = properties;
        this.retry = new RetryPolicy(properties.maxAttempts(), properties.backoffInitial(), properties.backoffMax());
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.autoStart = properties.dispatch() && !environment.getProperty("qalqan.cli", Boolean.class, false);
    }

    private Dispatcher(Dispatcher base, ChannelSender webhook) {
        this.outbox = base.outbox;
        this.leases = base.leases;
        this.senders.putAll(base.senders);
        this.senders.put(Channel.WEBHOOK, webhook);
        this.tokens = base.tokens;
        this.properties = base.properties;
        this.retry = base.retry;
        this.clock = base.clock;
        this.tx = base.tx;
        this.events = base.events;
        this.autoStart = false;
    }

    /**
     * A dispatcher like this one whose webhook channel posts to another gateway; it never starts workers of its
     * own ({@link #drain} only). For benchmarks and for sending one call-up through a standby gateway.
     */
    public Dispatcher toWebhook(String url, String secret) {
        return new Dispatcher(this, new WebhookSender(new NotificationProperties.Webhook(url, secret,
                properties.webhook().timeout()), clock));
    }

    /** Claims, sends and records one batch; the number of messages handled (0 when nothing was due). */
    public int dispatchOnce(String worker) {
        return dispatchOnce(worker, null);
    }

    /** As {@link #dispatchOnce(String)}, only for correlation ids starting with the prefix (null: all). */
    public int dispatchOnce(String worker, String correlationPrefix) {
        Instant now = clock.instant();
        List<Claimed> batch = tx.execute(s -> outbox.claim(worker, properties.batchSize(), now,
                now.plus(properties.lease()), correlationPrefix));
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        // each send hands its outcome over as soon as it returns; this worker commits whatever has arrived, again
        // and again, so a crash repeats only sends in flight and outcomes awaiting the commit under way, not the
        // rest of the batch. Outcomes that arrive during a commit share the next one: a commit per message cost four
        // fifths of the throughput.
        java.util.concurrent.BlockingQueue<Handled> sent = new java.util.concurrent.LinkedBlockingQueue<>();
        ExecutorService pool = pool();
        for (Claimed m : batch) {
            pool.submit(() -> {
                Outcome o = null;
                try {
                    o = handle(m);
                } catch (RuntimeException e) {
                    // handle() catches channel failures; this is a bug: the message stays under this node's lease
                    log.error("dispatch of message {} failed unexpectedly", m.id(), e);
                } finally {
                    sent.add(new Handled(m, o));
                }
            });
        }
        List<Handled> group = new ArrayList<>();
        for (int remaining = batch.size(); remaining > 0; remaining -= group.size(), group.clear()) {
            try {
                group.add(sent.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording outcomes; the rest stays under the lease", e);
            }
            sent.drainTo(group);
            List<Handled> recorded = group.stream().filter(g -> g.outcome() != null).toList();
            if (recorded.isEmpty()) {
                continue;
            }
            tx.executeWithoutResult(s -> {
                outbox.record(worker, recorded.stream().map(Handled::outcome).toList(), clock.instant());
                for (Handled g : recorded) {
                    if (g.outcome().deliveredAt() != null) {
                        Claimed m = g.message();
                        events.publishEvent(new MessageDelivered(m.id(), m.correlationId(), m.memberId(),
                                m.channels().get(g.outcome().channelIndex())));
                    }
                }
            });
        }
        return batch.size();
    }

    private record Handled(Claimed message, Outcome outcome) {
    }

    /** Dispatches until nothing is due; the number of messages handled. For commands and tests. */
    public long drain() {
        return drain(1, null);
    }

    /**
     * Dispatches with {@code workers} parallel loops until nothing (with the correlation prefix, if given) is due;
     * the number of messages handled. For commands, benchmarks and tests.
     */
    public long drain(int workers, String correlationPrefix) {
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < workers; i++) {
            String worker = leases.node() + "/drain-" + i;
            Thread t = new Thread(() -> {
                try {
                    for (int n = dispatchOnce(worker, correlationPrefix); n > 0; n = dispatchOnce(worker, correlationPrefix)) {
                        total.addAndGet(n);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "notification-drain-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return total.get();
    }

    /** Sends one message: skips channels that cannot reach the member, tries the current one, decides what next. */
    Outcome handle(Claimed m) {
        List<Outcome.Attempt> tried = Outcome.list();
        int index = m.channelIndex();
        int attempts = m.attempts();
        String replyUrl = m.expectsReply() ? replyUrl(m.id()) : null;
        while (index < m.channels().size()) {
            Channel channel = m.channels().get(index);
            ChannelSender sender = senders.get(channel);
            if (sender == null || !sender.configured() || !sender.reaches(m)) {
                tried.add(new Outcome.Attempt(attempts, channel, "SKIPPED",
                        sender == null || !sender.configured() ? "channel not configured" : "no address for the member"));
                index++;
                continue;
            }
            Instant now = clock.instant();
            try {
                Sent sent = sender.send(m, replyUrl);
                tried.add(new Outcome.Attempt(attempts, channel, "SENT", sent.externalId()));
                return new Outcome(m.id(), sent.delivered() ? "DELIVERED" : "SENT", index, attempts, null, now,
                        sent.delivered() ? now : null, null, tried,
                        new Outcome.Receipt(channel, sent.externalId(), sent.receiptStatus()));
            } catch (Exception e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                tried.add(new Outcome.Attempt(attempts, channel, "FAILED", truncate(error)));
                if (!retry.exhausted(attempts)) {
                    return new Outcome(m.id(), "PENDING", index, attempts, now.plus(retry.delayAfter(attempts)), null,
                            null, truncate(error), tried, null);
                }
                if (index + 1 < m.channels().size()) {
                    return new Outcome(m.id(), "PENDING", index + 1, 0, now, null, null, truncate(error), tried, null);
                }
                return new Outcome(m.id(), "FAILED", index, attempts, null, null, null, truncate(error), tried, null);
            }
        }
        ChannelSender inbox = senders.get(Channel.INBOX);
        if (inbox != null && !m.channels().contains(Channel.INBOX) && m.channels().stream().noneMatch(c -> usable(c, m))) {
            // none of the channels the notice named is set up or has an address for the member (a laptop with no
            // gateway, a member without a phone): the member finds the message in Qalqan instead of it failing. A
            // channel that could be tried and failed still fails the message, and escalation takes over.
            Instant now = clock.instant();
            try {
                Sent sent = inbox.send(m, replyUrl);
                tried.add(new Outcome.Attempt(attempts, Channel.INBOX, "SENT", sent.externalId()));
                return new Outcome(m.id(), "DELIVERED", Math.max(0, m.channels().size() - 1), attempts, null, now, now,
                        null, tried, new Outcome.Receipt(Channel.INBOX, sent.externalId(), sent.receiptStatus()));
            } catch (Exception e) {
                // the database is away: try again like any channel that could not be reached
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                tried.add(new Outcome.Attempt(attempts, Channel.INBOX, "FAILED", truncate(error)));
                if (!retry.exhausted(attempts)) {
                    return new Outcome(m.id(), "PENDING", m.channelIndex(), attempts, now.plus(retry.delayAfter(attempts)),
                            null, null, truncate(error), tried, null);
                }
            }
        }
        return new Outcome(m.id(), "FAILED", Math.max(0, m.channels().size() - 1), attempts, null, null, null,
                "no configured channel reaches the member", tried, null);
    }

    private boolean usable(Channel channel, Claimed m) {
        ChannelSender sender = senders.get(channel);
        return sender != null && sender.configured() && sender.reaches(m);
    }

    String replyUrl(long messageId) {
        String token = tokens.issue(messageId, clock.instant().plus(properties.replyLinkLifetime()));
        return properties.publicBaseUrl().replaceAll("/+$", "") + "/r/" + token;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private synchronized ExecutorService pool() {
        if (sending == null) {
            sending = Executors.newFixedThreadPool(properties.concurrency(), r -> {
                Thread t = new Thread(r, "notification-send");
                t.setDaemon(true);
                return t;
            });
        }
        return sending;
    }

    @Override
    public void start() {
        if (!autoStart || !running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < properties.workers(); i++) {
            String worker = leases.node() + "/w" + i;
            Thread t = new Thread(() -> loop(worker), "notification-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private void loop(String worker) {
        while (running.get()) {
            try {
                if (dispatchOnce(worker) == 0) {
                    Thread.sleep(properties.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("notification worker {}: {}; retrying after the poll interval", worker, e.toString());
                try {
                    Thread.sleep(Math.max(1000, properties.pollInterval().toMillis()));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running.set(false);
        for (Thread t : workers) {
            t.interrupt();
        }
        for (Thread t : workers) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        synchronized (this) {
            if (sending != null) {
                sending.shutdownNow();
                sending = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public int getPhase() {
        // stop before the DataSource and the embedded database go away
        return Integer.MAX_VALUE - 100;
    }
}
