/**
 * Readiness: equipment per unit, and the P/T/S/R and C-levels of every unit, rolled up to district, region
 * and national level (DOMAIN.md §9), with explanations, commander overrides (lower only, audited), daily
 * snapshots and the readiness of individual members. Inputs come from the registry, training and medical
 * modules: a read model in the {@code readiness} schema is fed by their events (recomputing the affected
 * unit and its ancestors at once) and rebuilt from their APIs by {@code readiness recompute} and the daily
 * job. {@link kz.qalqan.readiness.ReadinessBoard} answers the API (and the board UI);
 * {@link kz.qalqan.readiness.EquipmentStock} keeps the equipment; a level change publishes
 * {@link kz.qalqan.readiness.ReadinessChanged}. The board, unit and member-panel pages and the API live in
 * {@code readiness.web}; refusals are message codes with arguments (texts in {@code messages/readiness}), and
 * causes and reasons name qualifications, items, statuses and restrictions in the reader's language.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Readiness",
        allowedDependencies = {"shared", "platform", "audit", "registry", "training", "medical"})
package kz.qalqan.readiness;
