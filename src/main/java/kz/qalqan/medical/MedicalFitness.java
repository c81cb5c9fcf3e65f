package kz.qalqan.medical;

import kz.qalqan.medical.internal.FitnessRepository;
import kz.qalqan.medical.internal.MedicalProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * When members are medically fit, as dated windows, for modules that keep a read model (readiness): the
 * latest exam on or before today opens a window {@code [fitFrom, fitUntil)} (none when the exam said UNFIT;
 * from {@code unfitUntil} after TEMPORARILY_UNFIT; until the exam's validity ends); inside it the member is
 * FIT_LIMITED when the exam said so or a profile is active, else FIT — the same rules as the medical class
 * (DOMAIN.md §8). Carries no diagnosis or reason; not scoped and not audited: callers apply their own.
 */
@Service
@Transactional(readOnly = true)
public class MedicalFitness {

    /**
     * @param fitFrom     first day fit (null: never fit under the latest exam, or no exam)
     * @param fitUntil    first day no longer fit because the exam runs out
     * @param limited     the exam itself said FIT_LIMITED
     * @param limitations days ({@code [startsOn, endsOn]}, inclusive) on which a profile makes the member FIT_LIMITED
     */
    public record Window(long memberId, LocalDate fitFrom, LocalDate fitUntil, boolean limited, List<Limitation> limitations) {
    }

    public record Limitation(LocalDate startsOn, LocalDate endsOn) {
    }

    /** A limitation profile's restrictions and dates (no reason), for task matching in other modules. */
    public record Profile(long memberId, List<Restriction> restrictions, Integer maxLoadKg, LocalDate startsOn,
                          LocalDate endsOn) {
    }

    private final FitnessRepository repository;
    private final MedicalProperties properties;
    private final Clock clock;

    MedicalFitness(FitnessRepository repository, MedicalProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    public Window of(long memberId) {
        return repository.window(memberId, today(), properties.examValidityMonths())
                .orElse(new Window(memberId, null, null, false, List.of()));
    }

    /** Windows of every member with an exam or a profile; members missing here have none (never fit). */
    public void each(Consumer<Window> sink) {
        repository.each(today(), properties.examValidityMonths(), sink);
    }

    /** The member's profiles that have not ended before today. */
    public List<Profile> profiles(long memberId) {
        return repository.profiles(memberId, today());
    }

    /** Every profile that has not ended before today. */
    public void eachProfile(Consumer<Profile> sink) {
        repository.eachProfile(today(), sink);
    }

    public int examValidityMonths() {
        return properties.examValidityMonths();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), MedicalRecords.KAZAKHSTAN);
    }
}
