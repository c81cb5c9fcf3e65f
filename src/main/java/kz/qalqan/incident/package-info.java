/**
 * Incident: reports of injuries, illnesses, near misses, vehicle accidents, heat and cold injuries and
 * property damage by anyone signed in (near misses anonymously if the reporter chooses), their workflow
 * (reported → under investigation → corrective actions → closed with a review, each step a rule of the
 * {@code Incident} aggregate), and injury surveillance: rates per 1,000 person-days of exposure, u-charts that
 * flag unusual units, Pareto charts and trends. Exposure comes from a read model fed by training's
 * {@link kz.qalqan.training.AttendanceRecorded}. Injury details (diagnosis, body region, outcome narrative) are
 * {@link kz.qalqan.platform.security.Sensitive}. A serious outcome publishes
 * {@link kz.qalqan.incident.IncidentReported} at once, and the safety chain to notify is recorded.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Incident",
        allowedDependencies = {"shared", "platform", "registry", "audit", "training"})
package kz.qalqan.incident;
