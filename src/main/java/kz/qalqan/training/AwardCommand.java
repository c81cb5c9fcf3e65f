package kz.qalqan.training;

import java.time.LocalDate;

/**
 * What is needed to award a qualification.
 *
 * @param expiresOn     {@code null} to compute it from the catalogue's validity
 * @param evidence      the certificate, protocol or exam record the award rests on
 * @param awardingEvent the course or exercise where it was earned, if any
 */
public record AwardCommand(String code, LocalDate awardedOn, LocalDate expiresOn, String evidence,
                           String awardingEvent) {
}
