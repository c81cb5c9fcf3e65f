package kz.qalqan.training;

import java.time.LocalDate;

/** A member was awarded a qualification; {@code expiresOn} is {@code null} when it never expires. */
public record QualificationAwarded(long memberId, String code, LocalDate expiresOn) {
}
