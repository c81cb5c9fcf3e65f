package kz.qalqan.training;

import java.time.Instant;
import java.time.LocalDate;

/** A qualification a member was awarded (and that was not revoked), with its status today. */
public record MemberQualification(long id, long memberId, String code, LocalDate awardedOn, LocalDate expiresOn,
                                  String evidence, String awardingEvent, String recordedBy, Instant recordedAt,
                                  QualificationStatus status) {
}
