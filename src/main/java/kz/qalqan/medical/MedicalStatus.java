package kz.qalqan.medical;

import kz.qalqan.platform.security.Sensitive;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's medical readiness today. Everyone who may read the member sees the class, dates and
 * restrictions; {@code latestDiagnosis} and the profiles' reasons only a medical officer in scope or the
 * member themselves.
 *
 * @param validUntil         the last day the latest exam counts; null without an exam
 * @param unfitUntil         for TEMPORARILY_UNFIT, the first day the member is fit again
 * @param activeRestrictions restrictions of the profiles active today
 * @param maxLoadKg          the lowest active NO_LOAD_OVER_KG limit, if any
 * @param profiles           all profiles, latest end first
 */
public record MedicalStatus(long memberId, MedicalClass medicalClass, LocalDate validUntil, LocalDate unfitUntil,
                            List<Restriction> activeRestrictions, Integer maxLoadKg, LocalDate lastExamOn,
                            @Sensitive String latestDiagnosis, List<ProfileView> profiles) {

    public MedicalStatus {
        activeRestrictions = List.copyOf(activeRestrictions);
        profiles = List.copyOf(profiles);
    }
}
