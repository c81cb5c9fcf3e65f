package kz.qalqan.registry.internal;

import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Role;
import kz.qalqan.shared.Scope;

import java.util.ArrayList;
import java.util.List;

/**
 * Which people and units a caller may see or change, as a SQL predicate on {@code org_path} (and, for
 * self-service, the caller's own member id). Every registry query that returns people or units appends
 * it, so data outside the caller's subtree never leaves the database.
 */
public record Visibility(Scope scope, Long selfMemberId) {

    /** Roles that see the people and units in their scope. */
    public static final Role[] READERS = {Role.ADMIN, Role.COMMANDER, Role.SAFETY_OFFICER, Role.MEDICAL_OFFICER,
            Role.TRAINING_OFFICER, Role.EMERGENCY_COORDINATOR};
    /** Roles that add, change and import people and units in their scope. */
    public static final Role[] WRITERS = {Role.ADMIN, Role.COMMANDER};

    public static Visibility toRead(Caller caller) {
        return new Visibility(caller.scopeFor(READERS), caller.has(Role.MEMBER) ? caller.memberId() : null);
    }

    public static Visibility toWrite(Caller caller) {
        return new Visibility(caller.scopeFor(WRITERS), null);
    }

    public boolean unrestricted() {
        return scope.isEverything();
    }

    public boolean covers(String orgPath) {
        return scope.covers(orgPath);
    }

    /** {@code and (...)} restricting rows of {@code alias}; {@code idColumn} is the member id column or null. */
    public String predicate(String alias, String idColumn) {
        if (unrestricted()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!scope.isNothing()) {
            parts.add(alias + ".org_path like any(?)");
        }
        if (selfMemberId != null && idColumn != null) {
            parts.add(alias + "." + idColumn + " = ?");
        }
        return parts.isEmpty() ? " and false" : " and (" + String.join(" or ", parts) + ")";
    }

    public List<Object> parameters(String idColumn) {
        List<Object> params = new ArrayList<>();
        if (unrestricted()) {
            return params;
        }
        if (!scope.isNothing()) {
            params.add(scope.likePatterns());
        }
        if (selfMemberId != null && idColumn != null) {
            params.add(selfMemberId);
        }
        return params;
    }
}
