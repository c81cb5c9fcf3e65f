package kz.qalqan.emergency.tasking;

import kz.qalqan.audit.AuditTrail;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * At stand-down, takes the nobody-left-behind report: everyone still checked in at that moment is written down
 * (the board and the SITREP show it; the live list stays at GET …/left-behind until each one checks out).
 */
@Component
class StandDownReport {

    private final TaskingRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    StandDownReport(TaskingRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EmergencyStatusChanged changed) {
        if (changed.to() != EmergencyStatus.STOOD_DOWN) {
            return;
        }
        int people = repository.recordLeftBehind(changed.emergencyId(), clock.instant());
        audit.record("LEFT_BEHIND_REPORT", "emergency", Long.toString(changed.emergencyId()),
                repository.emergencyPath(changed.emergencyId()), null,
                "still checked in at stand-down: " + people);
    }
}
