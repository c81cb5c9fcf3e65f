package kz.qalqan.identity;

import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;

/**
 * A role granted to a user over a subtree of the organisation: {@code scope} as the administrator named it
 * ({@code KZ}, {@code KZ-75}, {@code district:12}, {@code unit:TO-75}) and the subtree's org path prefix it
 * resolved to when the grant was made.
 */
public record RoleGrant(Role role, String scope, String orgPath) {

    public Grant toGrant() {
        return new Grant(role, orgPath);
    }

    public boolean nationalAdmin() {
        return role == Role.ADMIN && orgPath.isEmpty();
    }
}
