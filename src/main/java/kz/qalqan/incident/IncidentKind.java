package kz.qalqan.incident;

import java.util.EnumSet;
import java.util.Set;

/** What happened (DOMAIN.md §7). */
public enum IncidentKind {
    INJURY, ILLNESS, NEAR_MISS, VEHICLE_ACCIDENT, HEAT_INJURY, COLD_INJURY, PROPERTY_DAMAGE;

    /** The kinds that count as injuries in the surveillance rates. */
    public static final Set<IncidentKind> INJURIES = EnumSet.of(INJURY, HEAT_INJURY, COLD_INJURY);

    public boolean injury() {
        return INJURIES.contains(this);
    }
}
