package kz.qalqan.registry;

public record MemberStatusChanged(long memberId, MemberStatus from, MemberStatus to) {
}
