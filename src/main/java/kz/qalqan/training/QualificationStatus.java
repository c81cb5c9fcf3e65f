package kz.qalqan.training;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Where a held qualification stands on a given day. */
public enum QualificationStatus {
    CURRENT, EXPIRING, EXPIRED;

    /** Days before expiry from which a qualification counts as expiring. */
    public static final int EXPIRING_WITHIN_DAYS = 90;

    /** An award is valid up to the day before {@code expiresOn}; from that day on it is expired. */
    public static QualificationStatus on(LocalDate day, LocalDate expiresOn) {
        if (expiresOn == null) {
            return CURRENT;
        }
        if (!day.isBefore(expiresOn)) {
            return EXPIRED;
        }
        return ChronoUnit.DAYS.between(day, expiresOn) <= EXPIRING_WITHIN_DAYS ? EXPIRING : CURRENT;
    }
}
