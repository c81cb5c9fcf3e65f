package kz.qalqan.emergency.sitrep;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.tasking.Tasking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Generates the situation report of an emergency for its watchers, as figures (JSON, page) or a PDF. */
@Service
@Transactional
public class Sitreps {

    /** Hours the timeline shows at most (two weeks); anything earlier counts in the first hour shown. */
    static final int MAX_HOURS = 336;

    private final SitrepRepository repository;
    private final Emergencies emergencies;
    private final Tasking tasking;
    private final SitrepPdf pdf;
    private final AuditTrail audit;
    private final Clock clock;

    Sitreps(SitrepRepository repository, Emergencies emergencies, Tasking tasking, SitrepPdf pdf, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.emergencies = emergencies;
        this.tasking = tasking;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
    }

    public Sitrep sitrep(long emergencyId) {
        Emergency e = emergencies.find(emergencyId);
        Sitrep report = build(e);
        audit.record("SITREP_READ", "emergency", Long.toString(emergencyId), e.orgPath(), null, "json");
        return report;
    }

    public byte[] pdf(long emergencyId, Locale locale) {
        Emergency e = emergencies.find(emergencyId);
        Sitrep report = build(e);
        audit.record("SITREP_READ", "emergency", Long.toString(emergencyId), e.orgPath(), null, "pdf " + locale.getLanguage());
        return pdf.print(report, locale);
    }

    private Sitrep build(Emergency e) {
        Instant now = clock.instant();
        boolean accountability = repository.accountabilityAvailable();
        Sitrep.Figures f = repository.activations(e.id());
        if (accountability) {
            long[] a = repository.accountability(e.id());
            f = new Sitrep.Figures(f.activated(), f.answered(), f.accepted(), f.declined(), f.unable(), f.arrived(), a[0], a[1]);
        }
        Instant end = e.closedAt() != null && e.closedAt().isBefore(now) ? e.closedAt() : now;
        Instant to = end.truncatedTo(ChronoUnit.HOURS);
        Instant from = e.declaredAt().truncatedTo(ChronoUnit.HOURS);
        if (from.isAfter(to)) {
            from = to;
        }
        if (Duration.between(from, to).toHours() >= MAX_HOURS) {
            from = to.minus(Duration.ofHours(MAX_HOURS - 1));
        }
        return new Sitrep(e.id(), e.title(), e.type(), e.severity(), e.status(), e.exercise(), e.declaredAt(), now, f,
                tasking.taskCounts(e.id()), tasking.leftBehindCount(e.id()), accountability,
                repository.timeline(e.id(), from, to, accountability));
    }
}
