/**
 * Medical: periodic medical exams and limitation profiles of members, and the medical class derived from
 * them (FIT, FIT_LIMITED, TEMPORARILY_UNFIT, UNFIT, UNKNOWN when there is no valid exam) by
 * {@code MedicalClassPolicy}. Members are reached only through the registry's
 * {@link kz.qalqan.registry.MemberDirectory} (out of scope is 404, the read audited); diagnoses and profile
 * reasons are {@link kz.qalqan.platform.security.Sensitive} and only a medical officer in scope or the member
 * themselves sees them. Only a MEDICAL_OFFICER over the member records exams and profiles; every read and
 * write is audited and a change of class publishes {@link kz.qalqan.medical.MedicalStatusChanged}.
 * Refusals are message codes (texts in {@code messages/medical*.properties}); the member page's medical panel and
 * the API live in {@code medical.web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Medical",
        allowedDependencies = {"shared", "platform", "registry", "audit"})
package kz.qalqan.medical;
