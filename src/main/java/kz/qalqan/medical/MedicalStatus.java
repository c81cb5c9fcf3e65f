package kz.qalqan.medical;

import kz.qalqan.platform.security.Sensitive;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's medical readiness today. Everyone who may read the member sees the class and dates; the
 * restriction codes and load limit, {@code latestDiagnosis} and the profiles' reasons only a medical officer in
 * scope or the member themselves — the same rule the risk flags follow (null for everyone else).
 *
 * @param validUntil         the last day the latest exam counts; null without an exam
 * @param unfitUntil         for TEMPORARILY_UNFIT, the first day the member is fit again
 * @param activeRestrictions restrictions of the profiles active today
 * @param maxLoadKg          the lowest active NO_LOAD_OVER_KG limit, if any
 * @param profiles           all profiles, latest end first
 */
public record MedicalStatus(long memberId, MedicalClass medicalClass, LocalDate validUntil, LocalDate unfitUntil,
                            @Sensitive List<Restriction> activeRestrictions, @Sensitive Integer maxLoadKg, LocalDate lastExamOn,
                            @Sensitive String latestDiagnosis, List<ProfileView> profiles) {

    public MedicalStatus {
        activeRestrictions = activeRestrictions == null ? null : List.copyOf(activeRestrictions);
        profiles = List.copyOf(profiles);
    }
}
