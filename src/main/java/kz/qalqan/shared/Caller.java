package kz.qalqan.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who is making the current request: the user, the member record linked to them (for self-service),
 * and their grants. Modules filter data by {@link #scopeFor(Role...)} in SQL.
 */
public record Caller(String username, Long memberId, List<Grant> grants) {

    public static final Caller SYSTEM = new Caller("system", null, List.of(new Grant(Role.ADMIN, "")));

    public Caller {
        grants = List.copyOf(grants);
    }

    public boolean has(Role... roles) {
        Set<Role> wanted = EnumSet.copyOf(Arrays.asList(roles));
        return grants.stream().anyMatch(g -> wanted.contains(g.role()));
    }

    /** The org path prefixes the caller reaches through any of the roles; empty when none. */
    public Scope scopeFor(Role... roles) {
        Set<Role> wanted = EnumSet.copyOf(Arrays.asList(roles));
        return Scope.of(grants.stream().filter(g -> wanted.contains(g.role())).map(Grant::orgPath).toList());
    }
}
