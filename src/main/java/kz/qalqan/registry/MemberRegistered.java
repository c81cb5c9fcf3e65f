package kz.qalqan.registry;

/** A member was added to the register one by one (bulk imports publish {@link MembersImported}). */
public record MemberRegistered(long memberId, Long unitId, String orgPath) {
}
