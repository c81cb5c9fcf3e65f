package kz.qalqan.identity;

/**
 * A grant as requested: a role name and a scope naming an org node — {@code KZ} (national), a region code
 * such as {@code KZ-75}, {@code district:<id>} or {@code unit:<code>}.
 */
public record GrantRequest(String role, String scope) {
}
