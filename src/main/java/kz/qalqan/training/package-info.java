/**
 * Training: the catalogue of qualifications the force recognises (first aid, driving categories, radio,
 * rescue, CBRN, weapons, navigation, fitness, instruction) with their validity and prerequisites, and the
 * qualifications each member holds, with evidence and expiry. Awards follow {@code QualificationPolicy}
 * (prerequisites current on the award date, no future awards, expiry after award) and publish
 * {@link kz.qalqan.training.QualificationAwarded}; readiness uses the current ones to compute the T-level.
 * Members are reached only through the registry's {@link kz.qalqan.registry.MemberDirectory}, which applies
 * the caller's org scope and audits the read; every change is written to the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
        allowedDependencies = {"shared", "platform", "registry", "audit", "identity"})
package kz.qalqan.training;
