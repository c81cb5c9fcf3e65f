package kz.qalqan.emergency.selection;

import kz.qalqan.medical.MedicalFitness;
import kz.qalqan.registry.Placements;
import kz.qalqan.training.QualificationHoldings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the candidate index of force selection in step with the registry, training and medical modules: one member
 * at a time from their events (see CandidateListeners), or everyone at once ({@link #rebuild()}, the
 * {@code emergency rebuild-candidates} command and the benchmark). Reads those modules' unscoped read-model APIs;
 * nothing here is shown to anyone (selections apply the caller's scope).
 */
@Service
@Transactional
public class Candidates {

    private final CandidateIndex index;
    private final Placements placements;
    private final QualificationHoldings holdings;
    private final MedicalFitness fitness;

    Candidates(CandidateIndex index, Placements placements, QualificationHoldings holdings, MedicalFitness fitness) {
        this.index = index;
        this.placements = placements;
        this.holdings = holdings;
        this.fitness = fitness;
    }

    /** Re-reads one member (or removes them when they are gone or have no home coordinates). */
    public void refresh(long memberId) {
        placements.location(memberId).ifPresentOrElse(m -> {
            Placements.PositionPlacement position = m.positionId() == null || m.unitId() == null ? null
                    : placements.positions(m.unitId()).stream().filter(p -> p.id() == m.positionId()).findFirst()
                    .orElse(null);
            index.put(m, position, holdings.of(memberId), fitness.of(memberId), fitness.profiles(memberId));
        }, () -> index.remove(memberId));
    }

    /** Rebuilds the whole index from the modules' bulk APIs; returns the number of candidates. */
    public long rebuild() {
        return index.rebuild(placements, holdings, fitness);
    }

    @Transactional(readOnly = true)
    public long size() {
        return index.size();
    }

    /** Whether the index was ever built in full (it may be built and empty when no member has a home). */
    @Transactional(readOnly = true)
    public boolean built() {
        return index.built();
    }
}
