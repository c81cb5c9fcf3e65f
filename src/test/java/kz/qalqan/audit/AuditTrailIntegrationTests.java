package kz.qalqan.audit;

import com.zaxxer.hikari.HikariDataSource;
import kz.qalqan.audit.internal.AuditHash;
import kz.qalqan.platform.Command;
import kz.qalqan.platform.csv.CsvReader;
import kz.qalqan.platform.csv.CsvRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trail against the real database. Tests that tamper with the chain do it inside a transaction that is
 * rolled back (trigger switch included), or restore the row exactly, because every test of this JVM shares
 * the database and expects an intact chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditTrailIntegrationTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext context;

    @Autowired
    kz.qalqan.audit.internal.AuditCheckpoints checkpoints;

    @TempDir
    Path dir;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static void signIn(String name, String... authorities) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList()));
    }

    /** Read back as the system: a signed-in test principal carries roles but no org scope to read with. */
    List<AuditEntry> eventsOf(String entityId) {
        return asSystem(() -> trail.search(new AuditQuery(null, null, entityId, null, null, null, AuditQuery.MAX_LIMIT, null)));
    }

    static <T> T asSystem(java.util.function.Supplier<T> work) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
    }

    void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> work.run());
    }

    /** Runs {@code work} in a transaction that is always rolled back, undoing any tampering it did. */
    <T> T inRolledBackTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(s -> {
            s.setRollbackOnly();
            return work.get();
        });
    }

    void disableAppendOnlyTrigger() {
        jdbc.sql("alter table audit.event disable trigger event_append_only").update();
    }

    @Test
    void recordsWhoDidWhatChainedToThePreviousEvent() {
        String id = newId();
        signIn("alice", "ROLE_COMMANDER", "FACTOR_PASSWORD", "ROLE_AUDITOR");

        inTransaction(() -> {
            trail.record("MEMBER_UPDATE", "MEMBER", id, "KZ-75.3", null, "phone");
            trail.record("MEMBER_READ", "MEMBER", id, "KZ-75.3", "medical review", null);
        });

        List<AuditEntry> events = eventsOf(id);
        assertThat(events).hasSize(2);
        AuditEntry read = events.get(0);
        AuditEntry update = events.get(1);
        assertThat(update.actor()).isEqualTo("alice");
        assertThat(update.role()).isEqualTo("AUDITOR,COMMANDER");
        assertThat(update.action()).isEqualTo("MEMBER_UPDATE");
        assertThat(update.entityType()).isEqualTo("MEMBER");
        assertThat(update.entityId()).isEqualTo(id);
        assertThat(update.orgPath()).isEqualTo("KZ-75.3");
        assertThat(update.details()).isEqualTo("phone");
        assertThat(update.clientAddress()).isNull();
        assertThat(read.reason()).isEqualTo("medical review");
        assertThat(read.seq()).isGreaterThan(update.seq());
        assertThat(placeOf(read.seq())).isEqualTo(new Place(placeOf(update.seq()).stripe(), placeOf(update.seq()).position() + 1));
        assertThat(read.prevHash()).isEqualTo(update.hash());
        assertThat(read.hash()).isEqualTo(AuditHash.of(read)).isNotEqualTo(update.hash());
        assertThat(read.at()).isAfterOrEqualTo(update.at());
    }

    @Test
    void recordsSystemAsTheActorWhenNoOneIsSignedIn() {
        String id = newId();

        trail.record("IMPORT_MEMBERS", "IMPORT", id, null, null, null);

        AuditEntry e = eventsOf(id).get(0);
        assertThat(e.actor()).isEqualTo("system");
        assertThat(e.role()).isNull();
    }

    @Test
    void recordsTheRoleChosenForTheWork() {
        String id = newId();
        signIn("bek", "ROLE_ADMIN", "ROLE_AUDITOR");

        String answer = trail.asRole("AUDITOR", () -> {
            trail.record("MEMBER_READ", "MEMBER", id, null, null, null);
            return "done";
        });
        trail.record("MEMBER_SEARCH", "MEMBER", id, null, null, null);

        assertThat(answer).isEqualTo("done");
        assertThat(eventsOf(id)).extracting(AuditEntry::action, AuditEntry::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MEMBER_SEARCH", "ADMIN,AUDITOR"),
                org.assertj.core.groups.Tuple.tuple("MEMBER_READ", "AUDITOR"));
    }

    @Test
    void leavesNoEventWhenTheChangeRollsBack() {
        String id = newId();

        assertThatThrownBy(() -> inTransaction(() -> {
            trail.record("MEMBER_DELETE", "MEMBER", id, null, null, null);
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");

        assertThat(eventsOf(id)).isEmpty();
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void refusesToRecordInAReadOnlyTransaction() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);

        assertThatThrownBy(() -> readOnly.executeWithoutResult(s -> trail.record("MEMBER_READ", "MEMBER", "1", null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only transaction");
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEvents() {
        String id = newId();
        trail.record("MEMBER_CREATE", "MEMBER", id, null, null, null);

        assertThatThrownBy(() -> jdbc.sql("update audit.event set actor = 'mallory' where entity_id = ?").param(id).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.event where entity_id = ?").param(id).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.event").update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("append-only");
        assertThat(eventsOf(id)).singleElement().extracting(AuditEntry::actor).isEqualTo("system");
    }

    @Test
    void aServerHasNoSwitchThatTurnsTheTrailOff() {
        assertThat(context.getBeanProvider(AuditBenchmarkSwitch.class).getIfAvailable()).isNull();
    }

    @Test
    void findsTheUntouchedChainIntact() {
        trail.record("MEMBER_CREATE", "MEMBER", newId(), null, null, null);
        long events = jdbc.sql("select count(*) from audit.event").query(Long.class).single();

        VerificationResult result = trail.verify();

        assertThat(result.problems()).isEmpty();
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(events);
    }

    @Test
    void namesTheRowChangedDirectlyInSql() {
        String id = newId();
        trail.record("MEMBER_READ", "MEMBER", id, null, null, null);
        trail.record("MEMBER_READ", "MEMBER", newId(), null, null, null);
        long seq = eventsOf(id).get(0).seq();

        VerificationResult result = inRolledBackTransaction(() -> {
            disableAppendOnlyTrigger();
            jdbc.sql("update audit.event set actor = 'someone else' where seq = ?").param(seq).update();
            return trail.verify();
        });

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).containsExactly("row " + seq + " was modified: its content does not match its hash");
        assertThat(trail.verify().intact()).as("the rollback restored the row").isTrue();
    }

    record Place(int stripe, long position) {
    }

    Place placeOf(long seq) {
        return jdbc.sql("select stripe, stripe_seq from audit.event where seq = ?").param(seq)
                .query((rs, i) -> new Place(rs.getInt(1), rs.getLong(2))).single();
    }

    /** Three events in one transaction: they sit next to each other in one stripe. */
    List<AuditEntry> threeInOneTransaction() {
        String id = newId();
        inTransaction(() -> {
            for (int i = 0; i < 3; i++) {
                trail.record("MEMBER_READ", "MEMBER", id, null, null, Integer.toString(i));
            }
        });
        List<AuditEntry> oldestFirst = new ArrayList<>(eventsOf(id));
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    @Test
    void namesTheGapWhereARowWasDeleted() {
        List<AuditEntry> three = threeInOneTransaction();
        long seq = three.get(1).seq();
        Place place = placeOf(seq);

        VerificationResult result = inRolledBackTransaction(() -> {
            disableAppendOnlyTrigger();
            jdbc.sql("delete from audit.event where seq = ?").param(seq).update();
            return trail.verify();
        });

        assertThat(result.problems()).containsExactly("stripe " + place.stripe() + " position " + place.position()
                + " is missing: the chain jumps from seq " + three.get(0).seq() + " to seq " + three.get(2).seq());
    }

    @Test
    void namesTheBrokenLinkAfterARowChangedAndRehashed() {
        List<AuditEntry> three = threeInOneTransaction();
        AuditEntry original = three.get(1);
        AuditEntry forged = new AuditEntry(original.seq(), original.at(), "someone else", original.role(), original.action(),
                original.entityType(), original.entityId(), original.orgPath(), original.clientAddress(), original.reason(),
                original.details(), original.prevHash(), null);

        VerificationResult result = inRolledBackTransaction(() -> {
            disableAppendOnlyTrigger();
            jdbc.sql("update audit.event set actor = ?, hash = ? where seq = ?")
                    .params(forged.actor(), AuditHash.of(forged), original.seq()).update();
            return trail.verify();
        });

        assertThat(result.problems()).singleElement().asString()
                .startsWith("row " + three.get(2).seq() + ": its prev_hash does not match the hash of row " + original.seq());
    }

    @Test
    void namesRowsRemovedFromTheEnd() {
        trail.record("MEMBER_READ", "MEMBER", newId(), null, null, null);

        VerificationResult result = inRolledBackTransaction(() -> {
            disableAppendOnlyTrigger();
            // the head of stripe 1 as this transaction sees it, so that no append by another test can move it
            long last = jdbc.sql("select seq from audit.head where id = 1 for update").query(Long.class).single();
            jdbc.sql("delete from audit.event where stripe = 1 and stripe_seq = ?").param(last).update();
            VerificationResult verified = trail.verify();
            assertThat(verified.problems()).containsExactly(
                    "stripe 1 position " + last + " is missing at the end: its head is at position " + last);
            return verified;
        });

        assertThat(result.intact()).isFalse();
    }

    @Test
    void namesARowInsertedInAStripeThatDoesNotExist() {
        List<AuditEntry> three = threeInOneTransaction();

        VerificationResult result = inRolledBackTransaction(() -> {
            jdbc.sql("""
                    insert into audit.event (seq, at, actor, action, entity_type, prev_hash, hash, stripe, stripe_seq)
                    select 999999999, at, 'mallory', 'MEMBER_DELETE', 'MEMBER', prev_hash, hash, 99, 1
                    from audit.event where seq = ?""").param(three.get(0).seq()).update();
            return trail.verify();
        });

        assertThat(result.problems()).contains("row 999999999 was added outside the application: there is no stripe 99");
    }

    @Test
    void concurrentTransactionsAppendSideBySideInStripesThatStayUnbroken() throws Exception {
        String prefix = newId();
        int threads = 6;
        int transactionsPerThread = 20;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < transactionsPerThread; i++) {
                        String tx = prefix + "-" + thread + "-" + i;
                        boolean first = i == 0;
                        inTransaction(() -> {
                            trail.record("MEMBER_UPDATE", "CONCURRENCY", prefix, null, null, tx);
                            if (first) {
                                // every thread holds a stripe at this moment: none of them waited for another
                                await(together);
                            }
                            trail.record("MEMBER_READ", "CONCURRENCY", prefix, null, null, tx);
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        record Row(long seq, String details, int stripe, long position) {
        }
        List<Row> rows = jdbc.sql("select seq, details, stripe, stripe_seq from audit.event where entity_id = ? order by stripe, stripe_seq")
                .param(prefix)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .list();
        assertThat(rows).hasSize(threads * transactionsPerThread * 2);
        assertThat(rows.stream().map(Row::seq).distinct()).hasSize(rows.size());
        java.util.Map<String, List<Row>> byTransaction = rows.stream().collect(java.util.stream.Collectors.groupingBy(Row::details));
        assertThat(byTransaction).hasSize(threads * transactionsPerThread).allSatisfy((tx, pair) -> {
            assertThat(pair).hasSize(2);
            assertThat(pair.get(1).stripe()).as("one transaction, one stripe").isEqualTo(pair.get(0).stripe());
            assertThat(pair.get(1).position()).as("next to each other").isEqualTo(pair.get(0).position() + 1);
        });
        assertThat(rows.stream().map(Row::stripe).distinct().count()).as("stripes used at once").isGreaterThanOrEqualTo(threads);
        assertThat(trail.verify().problems()).isEmpty();
    }

    static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInnerTransactionOfItsOwnAuditsWhileTheOuterHoldsAStripe() {
        String outer = newId();
        String inner = newId();
        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        inTransaction(() -> {
            trail.record("MEMBER_UPDATE", "MEMBER", outer, null, null, null);
            requiresNew.executeWithoutResult(s -> trail.record("SIGN_IN_FAILED", "USER", inner, null, null, null));
            trail.record("MEMBER_READ", "MEMBER", outer, null, null, null);
        });

        List<AuditEntry> outerEvents = eventsOf(outer);
        assertThat(outerEvents).hasSize(2);
        assertThat(outerEvents.get(0).prevHash()).as("the outer transaction's events stay linked").isEqualTo(outerEvents.get(1).hash());
        assertThat(placeOf(eventsOf(inner).get(0).seq()).stripe()).isNotEqualTo(placeOf(outerEvents.get(0).seq()).stripe());
        assertThat(trail.verify().problems()).isEmpty();
    }

    @Test
    void aCheckpointFindsAStripeCutShortWithItsHeadMovedBack() {
        List<AuditEntry> three = threeInOneTransaction();
        Place last = placeOf(three.get(2).seq());
        kz.qalqan.audit.internal.Checkpoint checkpoint = checkpoints.write().orElseThrow();

        VerificationResult result = inRolledBackTransaction(() -> {
            disableAppendOnlyTrigger();
            long head = jdbc.sql("select seq from audit.head where id = ? for update").param(last.stripe()).query(Long.class).single();
            String earlierHash = jdbc.sql("select hash from audit.event where stripe = ? and stripe_seq = ?")
                    .params(last.stripe(), last.position() - 1).query(String.class).single();
            // the tail from the third event on is removed and the head moved back: the stripe itself looks whole
            jdbc.sql("delete from audit.event where stripe = ? and stripe_seq >= ?").params(last.stripe(), last.position()).update();
            jdbc.sql("update audit.head set seq = ?, hash = ? where id = ?").params(last.position() - 1, earlierHash, last.stripe()).update();
            assertThat(head).isGreaterThanOrEqualTo(last.position());
            return trail.verify();
        });

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).startsWith("checkpoint " + checkpoint.id()
                + " bound stripe " + last.stripe() + " at position ").endsWith(", which is missing (the stripe was cut short)"));
    }

    @Test
    void namesACheckpointChangedBehindTheApplicationsBack() {
        trail.record("MEMBER_READ", "MEMBER", newId(), null, null, null);
        kz.qalqan.audit.internal.Checkpoint checkpoint = checkpoints.write().orElseThrow();

        VerificationResult result = inRolledBackTransaction(() -> {
            jdbc.sql("alter table audit.checkpoint disable trigger checkpoint_append_only").update();
            jdbc.sql("update audit.checkpoint set at = at - interval '1 day' where id = ?").param(checkpoint.id()).update();
            return trail.verify();
        });

        assertThat(result.problems()).contains("checkpoint " + checkpoint.id() + " was modified: its content does not match its hash");
        assertThat(checkpoints.write()).as("nothing moved since").isEmpty();
    }

    @Test
    void filtersByActorEntityActionAndTime() throws InterruptedException {
        String id = newId();
        String actor = "filter-" + id.substring(0, 8);
        signIn(actor, "ROLE_USER");
        trail.record("MEMBER_CREATE", "MEMBER", id, null, null, null);
        Thread.sleep(2);
        trail.record("MEMBER_READ", "MEMBER", id, null, null, null);
        Thread.sleep(2);
        trail.record("UNIT_CREATE", "UNIT", id, null, null, null);
        SecurityContextHolder.clearContext();
        trail.record("MEMBER_READ", "MEMBER", id, null, null, null);
        List<AuditEntry> all = eventsOf(id);
        AuditEntry memberRead = all.get(2);

        assertThat(search(actor, null, null, null, null, null)).extracting(AuditEntry::action)
                .containsExactly("UNIT_CREATE", "MEMBER_READ", "MEMBER_CREATE");
        assertThat(search(null, "UNIT", id, null, null, null)).extracting(AuditEntry::action).containsExactly("UNIT_CREATE");
        assertThat(search(null, null, id, "MEMBER_READ", null, null)).extracting(AuditEntry::actor)
                .containsExactly("system", actor);
        assertThat(search(actor, null, id, null, memberRead.at(), all.get(1).at())).extracting(AuditEntry::seq)
                .containsExactly(memberRead.seq());
        assertThat(search(" ", " ", id, "", null, null)).as("blank criteria are ignored").hasSize(4);
    }

    private List<AuditEntry> search(String actor, String entityType, String entityId, String action,
                                    java.time.Instant from, java.time.Instant to) {
        return trail.search(new AuditQuery(actor, entityType, entityId, action, from, to, 0, null));
    }

    @Test
    void pagesNewestFirstBySeq() {
        String id = newId();
        for (int i = 0; i < 5; i++) {
            trail.record("MEMBER_READ", "MEMBER", id, null, null, Integer.toString(i));
        }

        List<String> seen = new ArrayList<>();
        Long before = null;
        List<Integer> pageSizes = new ArrayList<>();
        do {
            List<AuditEntry> page = trail.search(new AuditQuery(null, null, id, null, null, null, 2, before));
            pageSizes.add(page.size());
            page.forEach(e -> seen.add(e.details()));
            before = page.size() == 2 ? page.get(1).seq() : null;
        } while (before != null);

        assertThat(seen).containsExactly("4", "3", "2", "1", "0");
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    void auditsItsOwnSearches() {
        String id = newId();
        signIn("auditor-" + id.substring(0, 8), "ROLE_AUDITOR");

        trail.search(new AuditQuery(null, "MEMBER", id, null, null, null, 10, null));

        List<AuditEntry> reads = asSystem(() -> trail.search(new AuditQuery("auditor-" + id.substring(0, 8), "AUDIT", null,
                "AUDIT_READ", null, null, 10, null)));
        assertThat(reads).isNotEmpty();
        assertThat(reads.get(reads.size() - 1).details()).isEqualTo("entityType=MEMBER entityId=" + id);
        assertThat(reads.get(reads.size() - 1).role()).isEqualTo("AUDITOR");
    }

    @Test
    void exportsEveryMatchingEventAsCsvWithAHeader() {
        String id = newId();
        trail.record("MEMBER_UPDATE", "MEMBER", id, "KZ-11", null, "name \"Ермек\", phone; note\nsecond line");
        trail.record("MEMBER_READ", "MEMBER", id, null, " leading space", null);
        List<AuditEntry> events = eventsOf(id);

        StringWriter out = new StringWriter();
        trail.exportCsv(new AuditQuery(null, null, id, null, null, null, 1, null), out);

        assertThat(out.toString()).startsWith(
                "seq,at,actor,role,action,entity_type,entity_id,org_path,client_address,reason,details,prev_hash,hash\n");
        assertThat(out.toString()).contains("\"name \"\"Ермек\"\", phone; note\nsecond line\"");
        List<CsvRecord> rows = new ArrayList<>();
        try (CsvReader reader = CsvReader.open(new StringReader(out.toString()))) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                rows.add(r);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).fields()).containsExactly(Long.toString(events.get(0).seq()),
                AuditHash.timestamp(events.get(0).at()), "system", "", "MEMBER_READ", "MEMBER", id, "", "", " leading space",
                "", events.get(0).prevHash(), events.get(0).hash());
        assertThat(rows.get(2).get(10)).isEqualTo("name \"Ермек\", phone; note\nsecond line");
        assertThat(rows.get(2).get(7)).isEqualTo("KZ-11");
    }

    @Test
    void exportStreamsMoreEventsThanOneBatch() {
        String id = newId();
        inTransaction(() -> {
            for (int i = 0; i < 1005; i++) {
                trail.record("MEMBER_READ", "MEMBER", id, null, null, null);
            }
        });

        StringWriter out = new StringWriter();
        trail.exportCsv(new AuditQuery(null, null, id, null, null, null, 0, null), out);

        assertThat(out.toString().lines()).hasSize(1 + 1005);
    }

    Command verifyCommand() {
        return context.getBeansOfType(Command.class).values().stream()
                .filter(c -> c.name().equals("audit verify")).findFirst().orElseThrow();
    }

    @Test
    void verifyCommandExitsZeroWhenIntactAndOneNamingTheRowWhenNot() throws Exception {
        String id = newId();
        trail.record("MEMBER_READ", "MEMBER", id, null, null, null);
        trail.record("MEMBER_READ", "MEMBER", newId(), null, null, null);
        long seq = eventsOf(id).get(0).seq();
        ByteArrayOutputStream intactOut = new ByteArrayOutputStream();
        ByteArrayOutputStream tamperedOut = new ByteArrayOutputStream();

        int intact = verifyCommand().run(List.of(), new PrintStream(intactOut, true, StandardCharsets.UTF_8));
        int tampered = inRolledBackTransaction(() -> {
            disableAppendOnlyTrigger();
            jdbc.sql("update audit.event set details = 'nothing to see' where seq = ?").param(seq).update();
            try {
                return verifyCommand().run(List.of(), new PrintStream(tamperedOut, true, StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(intact).isZero();
        assertThat(intactOut.toString(StandardCharsets.UTF_8)).startsWith("Audit trail intact: ");
        assertThat(tampered).isEqualTo(1);
        assertThat(tamperedOut.toString(StandardCharsets.UTF_8)).contains("TAMPERED")
                .contains("row " + seq + " was modified");
    }

    /** The real command line in its own JVM, against the test database by URL, after a committed UPDATE. */
    @Test
    void commandLineVerifyNamesTheRowAfterADirectUpdateAndExitsNonZero() throws Exception {
        String id = newId();
        trail.record("MEMBER_READ", "MEMBER", id, null, null, "original");
        trail.record("MEMBER_READ", "MEMBER", newId(), null, null, null);
        long seq = eventsOf(id).get(0).seq();
        try {
            inTransaction(() -> {
                disableAppendOnlyTrigger();
                jdbc.sql("update audit.event set details = 'edited' where seq = ?").param(seq).update();
                jdbc.sql("alter table audit.event enable trigger event_append_only").update();
            });

            CliRun tampered = runCli();

            assertThat(tampered.exitCode()).as(tampered.output()).isEqualTo(1);
            assertThat(tampered.output()).contains("Audit trail TAMPERED")
                    .contains("row " + seq + " was modified: its content does not match its hash");
        } finally {
            inTransaction(() -> {
                disableAppendOnlyTrigger();
                jdbc.sql("update audit.event set details = 'original' where seq = ?").param(seq).update();
                jdbc.sql("alter table audit.event enable trigger event_append_only").update();
            });
        }
        assertThat(trail.verify().problems()).as("restored").isEmpty();
    }

    record CliRun(int exitCode, String output) {
    }

    CliRun runCli() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Path log = dir.resolve("cli-" + UUID.randomUUID() + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "kz.qalqan.QalqanApplication", "audit", "verify",
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("audit verify did not finish in 3 minutes");
        }
        return new CliRun(process.exitValue(), Files.readString(log));
    }
}
