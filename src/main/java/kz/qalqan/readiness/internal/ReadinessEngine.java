package kz.qalqan.readiness.internal;

import kz.qalqan.medical.MedicalFitness;
import kz.qalqan.readiness.ReadinessChanged;
import kz.qalqan.registry.Placements;
import kz.qalqan.training.QualificationHoldings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the read model and the computed levels current: refreshes what an event touched from the owning
 * module's API, recomputes the affected units and every ancestor node, and publishes
 * {@link ReadinessChanged} for each node whose computed level changed. All recomputes take one advisory
 * lock, so concurrent events queue instead of rolling up a half-updated tree.
 */
@Service
@Transactional
public class ReadinessEngine {

    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");
    private static final Logger log = LoggerFactory.getLogger(ReadinessEngine.class);

    private final ReadModelRepository model;
    private final ReadinessRepository readiness;
    private final Placements placements;
    private final QualificationHoldings holdings;
    private final MedicalFitness fitness;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReadinessEngine(ReadModelRepository model, ReadinessRepository readiness, Placements placements,
                    QualificationHoldings holdings, MedicalFitness fitness, ApplicationEventPublisher events, Clock clock) {
        this.model = model;
        this.readiness = readiness;
        this.placements = placements;
        this.holdings = holdings;
        this.fitness = fitness;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
    }

    /** Figures of one full run, for the command line and the benchmark. */
    public record FullRun(ReadModelRepository.Rebuilt rebuilt, double rebuildSeconds, double recomputeSeconds,
                          int changedNodes) {
    }

    /** Reloads the whole read model from the modules' APIs, then recomputes every unit and node. */
    public FullRun rebuildAndRecompute() {
        readiness.lock();
        long started = System.nanoTime();
        ReadModelRepository.Rebuilt rebuilt = model.rebuild(placements, holdings, fitness);
        double rebuild = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        int changed = recomputeLocked();
        return new FullRun(rebuilt, rebuild, (System.nanoTime() - started) / 1e9, changed);
    }

    /** Recomputes every unit and every roll-up node from the read model as it stands. */
    public int recomputeAll() {
        readiness.lock();
        return recomputeLocked();
    }

    private int recomputeLocked() {
        LocalDate day = today();
        readiness.countAllUnits(day);
        List<ReadinessRepository.LevelChange> changes = readiness.rollUpAll(day, clock.instant());
        publish(changes);
        return changes.size();
    }

    /** A member's placement, fitness or qualifications changed: refresh them and recompute the units involved. */
    public void memberChanged(long memberId, Collection<Long> alsoUnits) {
        readiness.lock();
        Set<Long> units = new LinkedHashSet<>(alsoUnits);
        model.unitOfMember(memberId).ifPresent(units::add);
        var placement = placements.member(memberId);
        if (placement.isEmpty()) {
            model.removeMember(memberId);
        } else {
            model.putMember(placement.get());
            if (placement.get().unitId() != null) {
                units.add(placement.get().unitId());
            }
            model.putFitness(fitness.of(memberId));
            model.replaceHoldings(memberId, holdings.of(memberId));
        }
        recomputeUnitsLocked(units);
    }

    public void fitnessChanged(long memberId) {
        readiness.lock();
        if (model.unitOfMember(memberId).isEmpty() && placements.member(memberId).isPresent()) {
            memberChanged(memberId, List.of());
            return;
        }
        model.putFitness(fitness.of(memberId));
        model.unitOfMember(memberId).ifPresent(unit -> recomputeUnitsLocked(List.of(unit)));
    }

    public void qualificationsChanged(long memberId) {
        readiness.lock();
        if (model.unitOfMember(memberId).isEmpty() && placements.member(memberId).isPresent()) {
            memberChanged(memberId, List.of());
            return;
        }
        model.replaceHoldings(memberId, holdings.of(memberId));
        model.unitOfMember(memberId).ifPresent(unit -> recomputeUnitsLocked(List.of(unit)));
    }

    /** Recomputes the units (refreshing their place and positions from the registry) and all their ancestors. */
    public void recomputeUnits(Collection<Long> unitIds) {
        readiness.lock();
        recomputeUnitsLocked(unitIds);
    }

    private void recomputeUnitsLocked(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return;
        }
        Set<String> nodes = new LinkedHashSet<>();
        List<Long> known = new ArrayList<>();
        for (Long unitId : new LinkedHashSet<>(unitIds)) {
            String before = model.unitPath(unitId).orElse(null);
            var unit = placements.unit(unitId);
            if (unit.isEmpty()) {
                continue; // deleted in the registry meanwhile; the next rebuild drops it
            }
            refreshUnitAndAncestors(unit.get());
            model.replacePositions(unitId, placements.positions(unitId));
            known.add(unitId);
            nodes.addAll(ancestors(unit.get().orgPath()));
            if (before != null && !before.equals(unit.get().orgPath())) {
                nodes.addAll(ancestors(before));
            }
        }
        LocalDate day = today();
        readiness.countUnits(known, day);
        publish(readiness.rollUp(nodes, day, clock.instant()));
    }

    private void refreshUnitAndAncestors(Placements.UnitPlacement unit) {
        model.putUnit(unit);
        Long parent = unit.parentId();
        while (parent != null && !model.hasUnit(parent)) {
            var p = placements.unit(parent);
            if (p.isEmpty()) {
                break;
            }
            model.putUnit(p.get());
            parent = p.get().parentId();
        }
    }

    /** The node keys from the nation down to the unit: '', 'KZ-75/', 'KZ-75/d12/', …, the path itself. */
    public static List<String> ancestors(String orgPath) {
        List<String> keys = new ArrayList<>();
        keys.add("");
        for (int i = 0; i < orgPath.length(); i++) {
            if (orgPath.charAt(i) == '/') {
                keys.add(orgPath.substring(0, i + 1));
            }
        }
        return keys;
    }

    /** The time-based part of the daily job: re-reads lapsed fitness windows, then recomputes everything. */
    public int daily() {
        readiness.lock();
        LocalDate day = today();
        for (Long memberId : model.membersWithLapsedFitness(day)) {
            model.putFitness(fitness.of(memberId));
        }
        int changed = recomputeLocked();
        int stored = readiness.snapshot(day);
        log.info("Readiness daily job for {}: {} nodes changed level, {} snapshot rows stored", day, changed, stored);
        return changed;
    }

    public int snapshot() {
        return readiness.snapshot(today());
    }

    public boolean modelIsEmpty() {
        return model.isEmpty();
    }

    public Instant now() {
        return clock.instant();
    }

    private void publish(List<ReadinessRepository.LevelChange> changes) {
        for (ReadinessRepository.LevelChange c : changes) {
            events.publishEvent(new ReadinessChanged(c.unitId(), c.node(), c.kind(), c.previous(), c.now()));
        }
    }
}
