package kz.qalqan.audit;

import jakarta.servlet.http.HttpServletRequest;
import kz.qalqan.audit.internal.AuditHash;
import kz.qalqan.audit.internal.AuditRepository;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;
import kz.qalqan.audit.internal.AuditCheckpoints;
import kz.qalqan.audit.internal.ChainCheck;
import kz.qalqan.audit.internal.ChainHead;
import kz.qalqan.audit.internal.ChainedEntry;
import kz.qalqan.platform.csv.CsvWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Records, searches, exports and verifies the audit trail.
 *
 * <p>{@link #record} joins the caller's transaction (propagation REQUIRED): the event commits or rolls back
 * with the change it describes, so there is no change without its event and no event without its change. A
 * write must therefore run in a transaction that also covers the change; a read or a failed sign-in that
 * has none gets a short transaction of its own. A read-only transaction cannot insert, so a method that
 * audits a read must be read-write.
 *
 * <p>The trail is several hash chains (stripes, rows of {@code audit.head}). The first {@code record} call of a
 * transaction takes the first stripe no other transaction holds and keeps it until the transaction ends, so each
 * stripe is one gap-free chain and a transaction's events sit next to each other in it, while concurrent audited
 * transactions append side by side. Only when more transactions audit at once than there are stripes does one
 * wait. Long transactions (an import) should still record their event as their last step.
 */
@Service
public class AuditTrail {

    private static final int BATCH = 1000;
    private static final ThreadLocal<String> ROLE_USED = new ThreadLocal<>();
    private static final String[] CSV_HEADER = {"seq", "at", "actor", "role", "action", "entity_type", "entity_id",
            "org_path", "client_address", "reason", "details", "prev_hash", "hash"};

    private final AuditRepository events;
    private final AuditActor actor;
    private final Clock clock;
    private final TransactionTemplate appending;
    private final TransactionTemplate verifying;

    private final CurrentCaller caller;
    private final AuditCheckpoints checkpoints;
    private final AuditBenchmarkSwitch benchmarkSwitch;
    private volatile int stripes;

    AuditTrail(AuditRepository events, ObjectProvider<AuditActor> actors, Clock clock,
               PlatformTransactionManager transactions, CurrentCaller caller, AuditCheckpoints checkpoints,
               ObjectProvider<AuditBenchmarkSwitch> benchmarkSwitch) {
        this.events = events;
        this.benchmarkSwitch = benchmarkSwitch.getIfAvailable();
        this.checkpoints = checkpoints;
        this.caller = caller;
        this.actor = actors.getIfAvailable(AuditActor::fromSecurityContext);
        this.clock = clock;
        // programmatic, so that calls from inside this class are transactional too
        this.appending = new TransactionTemplate(transactions);
        this.verifying = new TransactionTemplate(transactions);
        verifying.setReadOnly(true);
        verifying.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Appends an event in the caller's transaction (or its own when there is none). Actor, role, time and
     * client address are taken from the current context.
     *
     * @throws IllegalStateException in a read-only transaction
     */
    public void record(String action, String entityType, String entityId, String orgPath, String reason,
                       String details) {
        requireText(action, "action");
        requireText(entityType, "entityType");
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new IllegalStateException("cannot record " + action + " in a read-only transaction: "
                    + "a method that audits must be @Transactional without readOnly");
        }
        String actorName = Objects.requireNonNullElse(actor.name(), "system");
        String role = ROLE_USED.get() != null ? ROLE_USED.get() : actor.role();
        String address = clientAddress();
        if (benchmarkSwitch != null && benchmarkSwitch.writesNothing()) {
            return;
        }
        appending.executeWithoutResult(status -> {
            AuditRepository.Claim claim = stripeOfThisTransaction();
            ChainHead head = claim.head();
            // the clock is read under the lock so that time never goes backwards along a stripe
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            AuditEntry unsealed = new AuditEntry(claim.nextSeq(), at, actorName, role, action, entityType, entityId,
                    orgPath, address, reason, details, head.hash(), null);
            events.append(sealed(unsealed), head.stripe(), head.seq() + 1);
        });
    }

    /**
     * The stripe this transaction already holds, or a free one. The stripe is remembered as a transaction
     * synchronization, not as a bound resource, because Spring suspends synchronizations (and not our resources)
     * for an inner REQUIRES_NEW transaction, which must claim a stripe of its own rather than wait for ours.
     */
    private AuditRepository.Claim stripeOfThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof HeldStripe held) {
                return events.lockStripe(held.stripe());
            }
        }
        AuditRepository.Claim claim = events.claimFreeStripe()
                .orElseGet(() -> events.lockStripe(1 + ThreadLocalRandom.current().nextInt(stripeCount())));
        TransactionSynchronizationManager.registerSynchronization(new HeldStripe(claim.head().stripe()));
        return claim;
    }

    private int stripeCount() {
        if (stripes == 0) {
            stripes = events.stripeCount();
        }
        return stripes;
    }

    private record HeldStripe(int stripe) implements TransactionSynchronization {
    }

    /** Runs {@code work} with {@code role} recorded as the role used, whatever the actor's authorities are. */
    public <T> T asRole(String role, Supplier<T> work) {
        requireText(role, "role");
        String outer = ROLE_USED.get();
        ROLE_USED.set(role);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                ROLE_USED.remove();
            } else {
                ROLE_USED.set(outer);
            }
        }
    }

    public void asRole(String role, Runnable work) {
        asRole(role, () -> {
            work.run();
            return null;
        });
    }

    /**
     * The part of the trail the caller may read: everything for a national ADMIN or AUDITOR; for a narrower
     * grant only the events about people and units in that subtree (events without an org path, such as
     * sign-ins and audit reads, stay national).
     */
    private Scope readable() {
        return caller.get().scopeFor(Role.ADMIN, Role.AUDITOR);
    }

    /** Newest first, one page; see {@link AuditQuery#beforeSeq()} for the next. The search is itself audited. */
    public List<AuditEntry> search(AuditQuery q) {
        List<AuditEntry> found = events.search(q, q.effectiveLimit(), readable());
        // recorded after the query so that a slow search never holds the chain's lock
        record("AUDIT_READ", "AUDIT", null, readable().commonPath(), null, q.describe());
        return found;
    }

    /**
     * Writes every matching event (the limit is ignored), newest first, as CSV with a header row. The export is
     * audited before it starts; call it outside a transaction, or the chain stays locked while it streams.
     */
    public void exportCsv(AuditQuery q, Writer out) {
        record("AUDIT_EXPORT", "AUDIT", null, readable().commonPath(), null, q.describe());
        CsvWriter csv = new CsvWriter(out);
        csv.row(CSV_HEADER);
        AuditQuery page = q;
        Scope scope = readable();
        for (List<AuditEntry> batch = events.search(page, BATCH, scope); !batch.isEmpty(); batch = events.search(page, BATCH, scope)) {
            batch.forEach(e -> csv.row(Long.toString(e.seq()), AuditHash.timestamp(e.at()), e.actor(), e.role(),
                    e.action(), e.entityType(), e.entityId(), e.orgPath(), e.clientAddress(), e.reason(), e.details(),
                    e.prevHash(), e.hash()));
            page = q.before(batch.get(batch.size() - 1).seq());
        }
        csv.flush();
    }

    /**
     * Recomputes every hash and link of every stripe, in batches from one snapshot of the database, compares each
     * stripe's last event with its head, and checks that the checkpoints still find the heads they bound. Not
     * itself audited: it must not lengthen the chain it is checking, and it writes nothing, so a read-only
     * database user can run it.
     */
    public VerificationResult verify() {
        return verifying.execute(status -> {
            ChainCheck.Problems problems = new ChainCheck.Problems();
            long checked = 0;
            for (ChainHead head : events.heads()) {
                ChainCheck check = new ChainCheck(head, problems);
                long after = 0;
                for (List<ChainedEntry> batch = events.stripe(head.stripe(), after, BATCH); !batch.isEmpty();
                     batch = events.stripe(head.stripe(), after, BATCH)) {
                    batch.forEach(check::next);
                    after = batch.get(batch.size() - 1).position();
                }
                checked += check.finish();
            }
            for (ChainedEntry stray : events.strays(BATCH)) {
                checked++;
                problems.add("row " + stray.entry().seq() + " was added outside the application: there is no stripe "
                        + stray.stripe());
            }
            checkpoints.verify(problems);
            return new VerificationResult(problems.none(), checked, problems.list());
        });
    }

    private static AuditEntry sealed(AuditEntry e) {
        return new AuditEntry(e.seq(), e.at(), e.actor(), e.role(), e.action(), e.entityType(), e.entityId(),
                e.orgPath(), e.clientAddress(), e.reason(), e.details(), e.prevHash(), AuditHash.of(e));
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
