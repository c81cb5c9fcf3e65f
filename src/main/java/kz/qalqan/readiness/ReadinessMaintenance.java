package kz.qalqan.readiness;

import kz.qalqan.readiness.internal.ReadinessEngine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whole-force work for seeding, benchmarks and operations (not for requests): rebuild the read model from
 * the registry, training and medical APIs and recompute every unit and roll-up.
 */
@Service
@Transactional
public class ReadinessMaintenance {

    /** Figures of a full run. */
    public record Run(long units, long positions, long members, long qualifications, double rebuildSeconds,
                      double recomputeSeconds, int changedNodes) {
    }

    private final ReadinessEngine engine;

    ReadinessMaintenance(ReadinessEngine engine) {
        this.engine = engine;
    }

    public Run rebuildAndRecompute() {
        ReadinessEngine.FullRun r = engine.rebuildAndRecompute();
        return new Run(r.rebuilt().units(), r.rebuilt().positions(), r.rebuilt().members(), r.rebuilt().qualifications(),
                r.rebuildSeconds(), r.recomputeSeconds(), r.changedNodes());
    }

    /** Recomputes every unit and roll-up from the read model as it stands; returns the seconds taken. */
    public double recomputeAll() {
        long started = System.nanoTime();
        engine.recomputeAll();
        return (System.nanoTime() - started) / 1e9;
    }

    /** Stores today's snapshot (once per day and node). */
    public int snapshot() {
        return engine.snapshot();
    }
}
