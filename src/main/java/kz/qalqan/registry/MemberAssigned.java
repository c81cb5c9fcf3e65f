package kz.qalqan.registry;

/** A member's unit or position changed; either side may be null (joined, or left a unit). */
public record MemberAssigned(long memberId, Long fromUnitId, Long toUnitId, Long toPositionId) {
}
