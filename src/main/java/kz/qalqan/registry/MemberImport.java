package kz.qalqan.registry;

import kz.qalqan.registry.internal.ImportJobRepository;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.Caller;
import kz.qalqan.registry.internal.MemberImporter;
import kz.qalqan.registry.internal.Visibility;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Bulk import of members from CSV (DOMAIN.md "Member CSV"): synchronously for the API and the command
 * line, or in the background with progress for the UI. Every import is one transaction; its job record
 * (progress, report) is written outside that transaction.
 */
@Service
public class MemberImport {

    private static final Logger log = LoggerFactory.getLogger(MemberImport.class);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final MemberImporter importer;
    private final ImportJobRepository jobs;
    private final TransactionTemplate separately;
    private final ThreadPoolTaskExecutor executor;

    private final CurrentCaller caller;

    MemberImport(MemberImporter importer, ImportJobRepository jobs, PlatformTransactionManager transactionManager,
                 CurrentCaller caller) {
        this.importer = importer;
        this.caller = caller;
        this.jobs = jobs;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // two background imports at a time per node, so one large file cannot starve the others
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setThreadNamePrefix("import-");
        pool.setCorePoolSize(2);
        pool.setMaxPoolSize(2);
        pool.setQueueCapacity(100);
        pool.initialize();
        this.executor = pool;
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** Imports a CSV stream and answers when it is committed or rejected. */
    public ImportReport importMembers(InputStream csv, ImportMode mode, String actor, String fileName) {
        UUID id = UUID.randomUUID();
        separately.executeWithoutResult(s -> jobs.start(id, fileName, mode, null, actor));
        return execute(id, csv, mode, actor, Visibility.toWrite(caller.get()));
    }

    /**
     * Starts importing a file in the background and returns the job id at once; the file is deleted when
     * the import ends.
     */
    public UUID start(Path file, ImportMode mode, String actor, String fileName) {
        UUID id = UUID.randomUUID();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        separately.executeWithoutResult(s -> jobs.start(id, fileName, mode, size, actor));
        Visibility target = Visibility.toWrite(caller.get());
        // the job runs as the user who started it: same scope, same actor in the audit trail
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                execute(id, in, mode, actor, target);
            } catch (IOException e) {
                separately.executeWithoutResult(s -> jobs.fail(id, "could not read the uploaded file"));
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete uploaded import file {}", file);
                }
            }
        }));
        return id;
    }

    /**
     * An import the caller may follow: their own, or any for a national administrator or commander. A
     * report lists the rows of the file as written, so it is not shown to anyone else.
     */
    public Optional<ImportJob> job(UUID id) {
        Caller c = caller.get();
        return jobs.find(id).filter(job -> seesAllImports(c) || job.startedBy().equals(c.username()));
    }

    public List<ImportJob> recentJobs(int limit) {
        Caller c = caller.get();
        return jobs.recent(limit, seesAllImports(c) ? null : c.username());
    }

    private static boolean seesAllImports(Caller c) {
        return Visibility.toWrite(c).unrestricted();
    }

    private ImportReport execute(UUID id, InputStream csv, ImportMode mode, String actor, Visibility target) {
        try {
            ImportReport report = importer.run(id, csv, mode, actor, target,
                    (rows, bytes) -> separately.executeWithoutResult(s -> jobs.progress(id, rows, bytes)));
            separately.executeWithoutResult(s -> jobs.finish(id, report));
            log.info("Import {} {}: {} rows, {} accepted, {} rejected", id, report.status(), report.total(),
                    report.accepted(), report.rejected());
            return report;
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            separately.executeWithoutResult(s -> jobs.fail(id, "the import failed and nothing was written"));
            throw e;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void failAbandonedJobs() {
        int n = jobs.failAbandoned(ABANDONED_AFTER);
        if (n > 0) {
            log.warn("{} import job(s) were interrupted by a stopped server; nothing of them was written", n);
        }
    }
}
