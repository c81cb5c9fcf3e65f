package kz.qalqan.emergency.accountability.internal;

import kz.qalqan.emergency.EmergencyDeclared;
import kz.qalqan.emergency.EmergencyRevised;
import kz.qalqan.emergency.accountability.Accountability;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts the people of an emergency's area on its accountability roll when it is declared and again when its area is
 * revised. Runs after the declaration commits, from the event publication registry, so a crash re-runs it; the
 * insert is idempotent.
 */
@Component
class AreaRoll {

    private final Accountability accountability;

    AreaRoll(Accountability accountability) {
        this.accountability = accountability;
    }

    @ApplicationModuleListener
    void on(EmergencyDeclared event) {
        accountability.enrol(event.emergencyId());
    }

    @ApplicationModuleListener
    void on(EmergencyRevised event) {
        accountability.enrol(event.emergencyId());
    }
}
