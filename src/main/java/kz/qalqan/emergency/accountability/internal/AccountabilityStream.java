package kz.qalqan.emergency.accountability.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Server-sent events to the open accountability boards of this node. A report bumps the emergency's change counter
 * in the database; every second one query reads the counters of the emergencies that have boards open here, and a
 * changed counter sends {@code changed} to those boards, which then fetch the roll-up through their own (scoped)
 * request. Reports made on another node are seen the same way, so any number of nodes work; the events carry no
 * personal data.
 */
@Component
public class AccountabilityStream {

    private static final Logger log = LoggerFactory.getLogger(AccountabilityStream.class);
    private static final long TIMEOUT = Duration.ofMinutes(30).toMillis();
    private static final int HEARTBEAT_POLLS = 15;

    private final AccountabilityRepository repository;
    private final Map<Long, Group> groups = new ConcurrentHashMap<>();
    private int polls;

    AccountabilityStream(AccountabilityRepository repository) {
        this.repository = repository;
    }

    private static final class Group {
        final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
        volatile long seq;

        Group(long seq) {
            this.seq = seq;
        }
    }

    /** A stream for one board; it receives {@code ready} with the current counter at once. */
    public SseEmitter open(long emergencyId, long currentSeq) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        Group group = groups.computeIfAbsent(emergencyId, id -> new Group(currentSeq));
        group.emitters.add(emitter);
        Runnable remove = () -> group.emitters.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(e -> remove.run());
        send(group, emitter, "ready", currentSeq);
        return emitter;
    }

    /** A stream that sends the current counter and ends (for clients that only want to know where things stand). */
    public SseEmitter once(long currentSeq) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        try {
            emitter.send(SseEmitter.event().name("ready").data(Long.toString(currentSeq)));
            emitter.complete();
        } catch (IOException e) {
            emitter.completeWithError(e);
        }
        return emitter;
    }

    @Scheduled(fixedDelayString = "${qalqan.emergency.accountability.stream-poll:1s}")
    void poll() {
        groups.entrySet().removeIf(e -> e.getValue().emitters.isEmpty());
        if (groups.isEmpty()) {
            return;
        }
        boolean heartbeat = ++polls % HEARTBEAT_POLLS == 0;
        try {
            Map<Long, Long> seqs = repository.seqs(groups.keySet());
            groups.forEach((id, group) -> {
                long seq = seqs.getOrDefault(id, 0L);
                if (seq != group.seq) {
                    group.seq = seq;
                    group.emitters.forEach(emitter -> send(group, emitter, "changed", seq));
                } else if (heartbeat) {
                    group.emitters.forEach(emitter -> {
                        try {
                            emitter.send(SseEmitter.event().comment("keep-alive"));
                        } catch (IOException | IllegalStateException e) {
                            group.emitters.remove(emitter);
                        }
                    });
                }
            });
        } catch (RuntimeException e) {
            // the next poll tries again; the boards keep their last numbers meanwhile
            log.warn("accountability stream poll failed: {}", e.toString());
        }
    }

    private static void send(Group group, SseEmitter emitter, String name, long seq) {
        try {
            emitter.send(SseEmitter.event().name(name).data(Long.toString(seq)));
        } catch (IOException | IllegalStateException e) {
            group.emitters.remove(emitter);
        }
    }

    /** Open boards on this node (for tests and metrics). */
    public int openStreams() {
        return groups.values().stream().mapToInt(g -> g.emitters.size()).sum();
    }
}
