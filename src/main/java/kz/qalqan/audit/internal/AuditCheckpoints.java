package kz.qalqan.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binds the heads of all stripes, now and then, into a chain of checkpoints: a stripe cut short (its last rows
 * removed and its head moved back) no longer finds the head a checkpoint bound, which {@code audit verify}
 * reports. One node writes each checkpoint (an advisory lock); nothing is written while no stripe moved.
 */
@Component
public class AuditCheckpoints {

    private static final int BATCH = 1000;

    private final AuditRepository events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AuditCheckpoints(AuditRepository events, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${qalqan.audit.checkpoint-interval:5m}", initialDelayString = "${qalqan.audit.checkpoint-interval:5m}")
    void scheduled() {
        write();
    }

    /** Writes a checkpoint of the committed heads unless another node is writing one or no stripe moved. */
    public Optional<Checkpoint> write() {
        return transaction.execute(status -> {
            boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('qalqan.audit.checkpoint'))")
                    .query(Boolean.class).single());
            if (!mine) {
                return Optional.<Checkpoint>empty();
            }
            String heads = events.heads().stream().map(h -> h.stripe() + ":" + h.seq() + ":" + h.hash())
                    .collect(Collectors.joining(";"));
            Optional<Checkpoint> last = events.lastCheckpoint();
            if (last.isPresent() && last.get().heads().equals(heads)) {
                return Optional.<Checkpoint>empty();
            }
            long id = last.map(c -> c.id() + 1).orElse(1L);
            String prev = last.map(Checkpoint::hash).orElse(AuditHash.GENESIS);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Checkpoint checkpoint = new Checkpoint(id, at, heads, prev, AuditHash.ofCheckpoint(prev, id, at, heads));
            events.appendCheckpoint(checkpoint);
            return Optional.of(checkpoint);
        });
    }

    /** Checks the checkpoint chain and that every head it bound is still in the trail; call inside a snapshot. */
    public void verify(ChainCheck.Problems problems) {
        long expected = 1;
        String previous = AuditHash.GENESIS;
        for (List<Checkpoint> batch = events.checkpoints(0, BATCH); !batch.isEmpty();
             batch = events.checkpoints(batch.get(batch.size() - 1).id(), BATCH)) {
            for (Checkpoint c : batch) {
                if (c.id() != expected) {
                    problems.add(expected == c.id() - 1 ? "checkpoint " + expected + " is missing"
                            : "checkpoints " + expected + " to " + (c.id() - 1) + " are missing");
                } else if (!c.prevHash().equals(previous)) {
                    problems.add("checkpoint " + c.id() + ": its prev_hash does not match checkpoint " + (c.id() - 1));
                }
                if (!AuditHash.ofCheckpoint(c.prevHash(), c.id(), c.at(), c.heads()).equals(c.hash())) {
                    problems.add("checkpoint " + c.id() + " was modified: its content does not match its hash");
                }
                expected = c.id() + 1;
                previous = c.hash();
            }
        }
        events.brokenBindings(BATCH).forEach(problems::add);
    }
}
