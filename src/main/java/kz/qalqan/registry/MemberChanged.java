package kz.qalqan.registry;

/**
 * A member's record was edited or deleted (any field: name, home location, region…); reassignment and status
 * changes also publish their own events. For read models that copy member fields.
 */
public record MemberChanged(long memberId) {
}
