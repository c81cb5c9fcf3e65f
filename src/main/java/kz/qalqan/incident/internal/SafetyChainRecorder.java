package kz.qalqan.incident.internal;

import kz.qalqan.incident.IncidentReported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Records, for a serious incident, the safety chain the notification module is to reach. Runs after the report
 * commits, from the event publication registry, so a crash between the two loses nothing; a repeated event
 * records nothing twice.
 */
@Component
class SafetyChainRecorder {

    private final IncidentRepository incidents;
    private final Clock clock;

    SafetyChainRecorder(IncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(IncidentReported event) {
        if (!event.serious()) {
            return;
        }
        List<SafetyChain.Link> chain = SafetyChain.of(event.orgPath(), event.unitId() != null);
        incidents.recordNotices(event.incidentId(), chain.stream().map(l -> l.role().name()).toList(),
                chain.stream().map(SafetyChain.Link::orgPath).toList(), clock.instant());
    }
}
