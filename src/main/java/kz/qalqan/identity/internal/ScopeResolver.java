package kz.qalqan.identity.internal;

import kz.qalqan.registry.OrgStructure;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns the scope an administrator names into the org path prefix of that subtree, as the registry places
 * things: {@code KZ} → {@code ""} (the whole country), {@code KZ-75} → {@code KZ-75/} (the region must
 * exist), {@code district:12} → {@code KZ-75/d12/}, {@code unit:TO-75} → the unit's own org path.
 */
@Component
public class ScopeResolver {

    /** The scope written the canonical way, and the org path it covers. */
    public record ResolvedScope(String scope, String orgPath) {
    }

    private static final String DISTRICT = "district:";
    private static final String UNIT = "unit:";

    private final OrgStructure org;

    ScopeResolver(OrgStructure org) {
        this.org = org;
    }

    public Optional<ResolvedScope> resolve(String scope) {
        if (scope == null || scope.isBlank()) {
            return Optional.empty();
        }
        String s = scope.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("kz")) {
            return Optional.of(new ResolvedScope("KZ", ""));
        }
        if (lower.startsWith("kz-")) {
            return org.region(s).map(r -> new ResolvedScope(r.code(), r.code() + "/"));
        }
        if (lower.startsWith(DISTRICT)) {
            String id = s.substring(DISTRICT.length()).trim();
            if (!id.matches("\\d{1,9}")) {
                return Optional.empty();
            }
            return org.district(Integer.parseInt(id))
                    .map(d -> new ResolvedScope(DISTRICT + d.id(), d.regionCode() + "/d" + d.id() + "/"));
        }
        if (lower.startsWith(UNIT)) {
            String code = s.substring(UNIT.length()).trim();
            return code.isEmpty() ? Optional.empty()
                    : org.unitByCode(code).map(u -> new ResolvedScope(UNIT + u.code(), u.orgPath()));
        }
        return Optional.empty();
    }
}
