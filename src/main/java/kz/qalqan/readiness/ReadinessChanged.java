package kz.qalqan.readiness;

/**
 * A node's computed C-level changed (null: nothing measured). {@code unitId} is set for unit nodes;
 * {@code node} is the org path key of {@link NodeReadiness#node()}.
 */
public record ReadinessChanged(Long unitId, String node, NodeKind kind, Integer previousLevel, Integer newLevel) {
}
