/**
 * Training: the catalogue of qualifications the force recognises (first aid, driving categories, radio,
 * rescue, CBRN, weapons, navigation, fitness, instruction) with their validity and prerequisites, and the
 * qualifications each member holds, with evidence and expiry. Awards follow {@code QualificationPolicy}
 * (prerequisites current on the award date, no future awards, expiry after award) and publish
 * {@link kz.qalqan.training.QualificationAwarded}; readiness uses the current ones to compute the T-level.
 * Members are reached only through the registry's {@link kz.qalqan.registry.MemberDirectory}, which applies
 * the caller's org scope and audits the read; every change is written to the audit trail.
 *
 * <p>Training events ({@link kz.qalqan.training.TrainingEvents}) belong to a unit and carry its org path for
 * SQL scope filters: planned, started and completed (or cancelled), with enrolment within capacity and
 * attendance with duration and session RPE. Starting and recording attendance go through the internal
 * {@code StartPolicy} — the one place where a later rule (an approved risk assessment) belongs. Each
 * attendance write publishes {@link kz.qalqan.training.AttendanceRecorded} (load and exposure for safety and
 * incident) and a PASS awards the event's qualifications. Published queries for other modules:
 * {@link kz.qalqan.training.TrainingLoads} (ACWR flag per member, {@link kz.qalqan.training.WorkloadRatio}),
 * {@link kz.qalqan.training.TrainingExposure} (person-days by unit, activity type and month),
 * {@link kz.qalqan.training.ExpiringQualifications}. {@link kz.qalqan.training.CalendarFeeds} writes RFC 5545
 * feeds and manages secret subscription links; it listens to identity's account events to revoke them.
 *
 * <p>The module owns its web edge in {@code training.web}: the API, the calendar, event and expiring-qualification
 * pages and the member page's training panel. Every refusal is a message code with arguments (texts in
 * {@code messages/training}); pages name qualifications from the catalogue in the page's language
 * ({@code @trainingNames} in templates). The event page shows safety's risk flags through its template only,
 * so that training does not depend on safety (safety depends on training).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training",
        allowedDependencies = {"shared", "platform", "registry", "audit", "identity"})
package kz.qalqan.training;
