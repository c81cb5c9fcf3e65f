/**
 * Force protection. The calculations a safety officer needs — the ATP 5-19 risk matrix with the level of
 * command that must approve each risk level, the TB MED 507 heat-stress table, the NWS/Environment Canada
 * wind chill (answered under {@code /api/safety}) — and stored DD Form 2977 deliberate risk assessments:
 * a hazard library per activity type, worksheets with sub-tasks, hazards, controls and residual risks,
 * approval routed to the echelon the overall residual risk needs ({@code ApprovalPolicy}: never the
 * preparer), review that sends an approved assessment back when its risk rises ({@link
 * kz.qalqan.safety.ActivityRiskRaised}), and the clearance an activity needs to start
 * ({@link kz.qalqan.safety.RiskAssessments#clearance}). Units come from the registry's org structure,
 * names of preparers and approvers from identity; every write and every read of one assessment is audited.
 *
 * <p>Individual risk flags ({@link kz.qalqan.safety.RiskFlags}): ACWR danger from training, injuries from incident,
 * profile restrictions from medical ({@link kz.qalqan.safety.RestrictionRelevance} maps them to activity types),
 * the hot-season acclimatisation rule ({@link kz.qalqan.safety.HotSeason}). Training's enrolment asks them through
 * its {@code EnrolmentScreen} SPI: a forbidding flag refuses, warnings need a confirmation that is audited.
 *
 * <p>Every refusal is a message code with arguments (texts in {@code messages/safety*.properties}, kk/ru/en); its
 * pages (risk assessments, the safety panel of a training event, a member's risk flags) and its API live in
 * {@code safety.web}, templates under {@code templates/safety/}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety",
        allowedDependencies = {"shared", "platform", "registry", "audit", "identity", "training", "incident", "medical"})
package kz.qalqan.safety;
