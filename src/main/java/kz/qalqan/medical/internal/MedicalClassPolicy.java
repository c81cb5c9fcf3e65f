package kz.qalqan.medical.internal;

import kz.qalqan.medical.ExamResult;
import kz.qalqan.medical.MedicalClass;
import kz.qalqan.medical.Restriction;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Derives the medical class on a day (DOMAIN.md §8): UNKNOWN without an exam whose validity covers the day;
 * otherwise the latest exam decides: UNFIT; TEMPORARILY_UNFIT while the day is before {@code unfitUntil}
 * (after that the member counts as fit again, limited if a profile applies); FIT_LIMITED when the exam
 * said so or a profile is active; else FIT.
 */
public final class MedicalClassPolicy {

    private MedicalClassPolicy() {
    }

    /** @param unfitUntil the first day fit again */
    public record Exam(long id, LocalDate examinedOn, ExamResult result, LocalDate unfitUntil) {
    }

    /** @param endsOn the last day the profile applies */
    public record Profile(List<Restriction> restrictions, Integer maxLoadKg, LocalDate startsOn, LocalDate endsOn) {

        public boolean activeOn(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    /** @param validUntil the last day the latest exam counts */
    public record Assessment(MedicalClass medicalClass, LocalDate validUntil, LocalDate unfitUntil,
                             List<Restriction> activeRestrictions, Integer maxLoadKg) {
    }

    public static Assessment assess(List<Exam> exams, List<Profile> profiles, LocalDate today, int validityMonths) {
        Exam latest = exams.stream()
                .filter(e -> !e.examinedOn().isAfter(today))
                .max(Comparator.comparing(Exam::examinedOn).thenComparingLong(Exam::id))
                .orElse(null);
        List<Profile> active = profiles.stream().filter(p -> p.activeOn(today)).toList();
        EnumSet<Restriction> restrictions = EnumSet.noneOf(Restriction.class);
        active.forEach(p -> restrictions.addAll(p.restrictions()));
        Integer maxLoad = active.stream().map(Profile::maxLoadKg).filter(Objects::nonNull).min(Integer::compare).orElse(null);
        List<Restriction> activeRestrictions = List.copyOf(restrictions);
        if (latest == null) {
            return new Assessment(MedicalClass.UNKNOWN, null, null, activeRestrictions, maxLoad);
        }
        LocalDate validUntil = latest.examinedOn().plusMonths(validityMonths).minusDays(1);
        MedicalClass medicalClass;
        LocalDate unfitUntil = null;
        if (today.isAfter(validUntil)) {
            medicalClass = MedicalClass.UNKNOWN;
        } else if (latest.result() == ExamResult.UNFIT) {
            medicalClass = MedicalClass.UNFIT;
        } else if (latest.result() == ExamResult.TEMPORARILY_UNFIT && latest.unfitUntil() != null
                && today.isBefore(latest.unfitUntil())) {
            medicalClass = MedicalClass.TEMPORARILY_UNFIT;
            unfitUntil = latest.unfitUntil();
        } else if (latest.result() == ExamResult.FIT_LIMITED || !active.isEmpty()) {
            medicalClass = MedicalClass.FIT_LIMITED;
        } else {
            medicalClass = MedicalClass.FIT;
        }
        return new Assessment(medicalClass, validUntil, unfitUntil, activeRestrictions, maxLoad);
    }
}
