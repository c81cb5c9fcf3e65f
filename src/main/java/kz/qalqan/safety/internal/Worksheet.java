package kz.qalqan.safety.internal;

import kz.qalqan.safety.RiskLevel;
import kz.qalqan.shared.ActivityType;
import kz.qalqan.shared.WorkIntensity;

import java.time.LocalDate;
import java.util.List;

/** The validated content of a worksheet that the preparer may change while it is a draft. */
public record Worksheet(String title, ActivityType activityType, WorkIntensity workIntensity, LocalDate beginsOn,
                        LocalDate endsOn, String preparerDutyTitle, String supervisionPlan, RiskLevel declaredLevel,
                        List<AssessedHazard> hazards) {

    public Worksheet {
        hazards = List.copyOf(hazards);
    }
}
