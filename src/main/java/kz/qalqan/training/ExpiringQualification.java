package kz.qalqan.training;

import java.time.LocalDate;

/**
 * A held qualification that stops being valid within the window asked for. {@code lastValidDay} is the
 * day before {@code expiresOn}; {@code daysLeft} counts the days from today to it.
 */
public record ExpiringQualification(long memberId, String lastName, String firstName, String middleName,
                                    String unitCode, String code, LocalDate awardedOn, LocalDate expiresOn,
                                    LocalDate lastValidDay, long daysLeft) {
}
