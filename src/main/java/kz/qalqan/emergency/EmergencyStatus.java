package kz.qalqan.emergency;

import java.util.Set;

/**
 * Where an emergency stands. ACTIVE from its declaration; STOOD_DOWN when operations end (people are released and
 * checked out); CLOSED when the after-action work is done; CANCELLED when it was called off (a CAP Cancel, a false
 * alarm). CLOSED and CANCELLED are final.
 */
public enum EmergencyStatus {
    ACTIVE, STOOD_DOWN, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this == ACTIVE || this == STOOD_DOWN;
    }

    public boolean mayBecome(EmergencyStatus next) {
        return switch (this) {
            case ACTIVE -> Set.of(STOOD_DOWN, CANCELLED).contains(next);
            case STOOD_DOWN -> Set.of(ACTIVE, CLOSED).contains(next);
            case CLOSED, CANCELLED -> false;
        };
    }
}
