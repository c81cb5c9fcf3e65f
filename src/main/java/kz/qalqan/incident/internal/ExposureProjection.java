package kz.qalqan.incident.internal;

import kz.qalqan.registry.OrgStructure;
import kz.qalqan.registry.Unit;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.training.AttendanceRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Keeps the exposure read model from training's attendance: each event replaces the earlier row of its
 * (event, member) pair, so a correction (present → excused) takes its person-days back. The unit's org path
 * is looked up once here so that rates filter by scope in SQL. A unit that no longer exists fails the event,
 * which the publication registry keeps for resubmission rather than losing. "Latest" is the order in which the
 * events are applied: the event carries no recording time or version, so two recordings of the same pair
 * published within moments of each other may be applied out of order by the asynchronous listeners.
 */
@Component
class ExposureProjection {

    private final ExposureRepository exposure;
    private final OrgStructure org;
    private final Clock clock;

    ExposureProjection(ExposureRepository exposure, OrgStructure org, Clock clock) {
        this.exposure = exposure;
        this.org = org;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AttendanceRecorded event) {
        Unit unit = org.unit(event.unitId());
        int personDays = event.present() ? Math.max(0, event.personDays()) : 0;
        ActivityType activity = event.activityType() == null ? ActivityType.OTHER : event.activityType();
        exposure.upsert(event.eventId(), event.memberId(), unit.id(), unit.code(), unit.orgPath(), unit.regionCode(),
                activity, event.day(), personDays, clock.instant());
    }
}
