package kz.qalqan.training;

import kz.qalqan.training.internal.HoldingRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which qualifications members hold (not revoked), by code with the latest expiry, for modules that keep a
 * read model of them (readiness). Not scoped and not audited: callers apply their own scope and audit.
 */
@Service
@Transactional(readOnly = true)
public class QualificationHoldings {

    /** @param expiresOn the first day the holding is no longer valid; null when it never expires */
    public record Holding(long memberId, String code, LocalDate expiresOn) {
    }

    private final HoldingRepository repository;

    QualificationHoldings(HoldingRepository repository) {
        this.repository = repository;
    }

    /** The member's holdings, one per code (the award that lasts longest). */
    public List<Holding> of(long memberId) {
        return repository.of(memberId);
    }

    /** Every member's holdings, one per member and code. */
    public void each(Consumer<Holding> sink) {
        repository.each(sink);
    }
}
