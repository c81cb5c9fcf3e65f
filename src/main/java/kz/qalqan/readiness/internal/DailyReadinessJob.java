package kz.qalqan.readiness.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (shortly after midnight, Kazakhstan time) one node of the cluster — the one that gets the
 * PostgreSQL advisory lock and records the day first — re-reads lapsed fitness windows, recomputes every level for
 * the new day (so qualifications and exams that expired overnight count) and stores the day's snapshot. Another
 * node that finds the lock taken or the day recorded skips. On start, an empty read model is rebuilt from the modules' APIs.
 */
@Component
class DailyReadinessJob {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DailyReadinessJob.class);

    static final long DAILY_LOCK = 0x52454144594aL;

    private final ReadinessEngine engine;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment env;

    DailyReadinessJob(ReadinessEngine engine, JdbcClient jdbc, PlatformTransactionManager transactionManager, Environment env) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.env = env;
    }

    @Scheduled(cron = "${qalqan.readiness.daily-cron:0 5 0 * * *}", zone = "Asia/Almaty")
    void scheduled() {
        if (!env.getProperty("qalqan.cli", Boolean.class, false)) {
            run();
        }
    }

    /** Runs the day's work unless another node holds the lock or has run it today; true when this node ran it. */
    boolean run() {
        Boolean ran = transactions.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(DAILY_LOCK).query(Boolean.class).single();
            if (!locked) {
                return false;
            }
            // the lock only keeps two runs apart; a node whose scheduler fires after the other's run finished must skip
            java.time.LocalDate day = engine.today();
            if (jdbc.sql("insert into readiness.daily_run (day) values (?) on conflict do nothing").param(day).update() == 0) {
                log.info("Readiness daily job for {}: already run", day);
                return false;
            }
            engine.daily();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildWhenEmpty() {
        if (!env.getProperty("qalqan.cli", Boolean.class, false) && engine.modelIsEmpty()) {
            transactions.executeWithoutResult(status -> {
                if (engine.modelIsEmpty()) {
                    engine.rebuildAndRecompute();
                    engine.snapshot();
                }
            });
        }
    }
}
