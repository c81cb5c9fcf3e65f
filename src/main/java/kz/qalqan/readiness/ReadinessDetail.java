package kz.qalqan.readiness;

import java.util.List;

/**
 * A node with its direct children (for drill-down: regions under the nation; districts and region-level
 * units under a region; units under a district; sub-units under a unit), the causes behind its levels and
 * what would raise it one level. Children outside the caller's scope are left out.
 */
public record ReadinessDetail(NodeReadiness node, List<NodeReadiness> children, List<Explanation> explanations,
                              List<Improvement> toRaise) {
}
