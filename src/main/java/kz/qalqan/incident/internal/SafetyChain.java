package kz.qalqan.incident.internal;

import kz.qalqan.shared.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * Who must hear of a serious incident at once (issue 5, item 3): the unit's commander, the district's safety
 * officer and the region's safety officer — each a role over an org path, because users and their grants
 * belong to identity, which this module may not ask. A report without a unit goes to the safety officers
 * only; a region without districts has no district link.
 */
public final class SafetyChain {

    /** One link of the chain. */
    public record Link(Role role, String orgPath) {
    }

    private SafetyChain() {
    }

    /** The chain for an incident at {@code orgPath} ({@code KZ-75/}, {@code KZ-75/d12/}, {@code KZ-75/d12/u34/}…). */
    public static List<Link> of(String orgPath, boolean atUnit) {
        String[] segments = orgPath.split("/");
        List<Link> chain = new ArrayList<>();
        if (atUnit) {
            chain.add(new Link(Role.COMMANDER, orgPath));
        }
        if (segments.length > 1 && segments[1].matches("d\\d+")) {
            chain.add(new Link(Role.SAFETY_OFFICER, segments[0] + "/" + segments[1] + "/"));
        }
        chain.add(new Link(Role.SAFETY_OFFICER, segments[0] + "/"));
        return List.copyOf(chain);
    }
}
