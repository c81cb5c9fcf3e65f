package kz.qalqan.readiness.internal;

import kz.qalqan.medical.MedicalStatusChanged;
import kz.qalqan.readiness.EquipmentChanged;
import kz.qalqan.registry.MemberAssigned;
import kz.qalqan.registry.MemberRegistered;
import kz.qalqan.registry.MemberStatusChanged;
import kz.qalqan.registry.MembersImported;
import kz.qalqan.training.QualificationAwarded;
import kz.qalqan.training.QualificationRevoked;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the read model from the other modules' events and recomputes the affected unit and its ancestors.
 * Each listener runs after the publisher's commit in its own transaction; a failure leaves the publication
 * incomplete in the event registry, which resubmits it (nothing is logged and dropped).
 */
@Component
class ReadinessListeners {

    private final ReadinessEngine engine;

    ReadinessListeners(ReadinessEngine engine) {
        this.engine = engine;
    }

    @ApplicationModuleListener
    void on(MemberRegistered event) {
        engine.memberChanged(event.memberId(), event.unitId() == null ? List.of() : List.of(event.unitId()));
    }

    @ApplicationModuleListener
    void on(MemberAssigned event) {
        List<Long> units = new ArrayList<>();
        if (event.fromUnitId() != null) {
            units.add(event.fromUnitId());
        }
        if (event.toUnitId() != null) {
            units.add(event.toUnitId());
        }
        engine.memberChanged(event.memberId(), units);
    }

    @ApplicationModuleListener
    void on(MemberStatusChanged event) {
        engine.memberChanged(event.memberId(), List.of());
    }

    @ApplicationModuleListener
    void on(MembersImported event) {
        if (event.accepted() > 0) {
            engine.rebuildAndRecompute();
        }
    }

    @ApplicationModuleListener
    void on(QualificationAwarded event) {
        engine.qualificationsChanged(event.memberId());
    }

    @ApplicationModuleListener
    void on(QualificationRevoked event) {
        engine.qualificationsChanged(event.memberId());
    }

    @ApplicationModuleListener
    void on(MedicalStatusChanged event) {
        engine.fitnessChanged(event.memberId());
    }

    @ApplicationModuleListener
    void on(EquipmentChanged event) {
        engine.recomputeUnits(List.of(event.unitId()));
    }
}
