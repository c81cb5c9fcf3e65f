package kz.qalqan.readiness;

import java.util.List;

/**
 * The top of what the caller may see: the national node and the regions for a national grant; otherwise
 * {@code national} is null and {@code roots} are the nodes of the caller's grants (a region, district or unit).
 */
public record ReadinessOverview(NodeReadiness national, List<NodeReadiness> roots) {
}
