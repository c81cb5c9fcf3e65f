package kz.qalqan.medical.internal;

import kz.qalqan.medical.ExamResult;
import kz.qalqan.medical.MedicalClass;
import kz.qalqan.medical.Restriction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MedicalClassPolicyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static MedicalClassPolicy.Exam exam(long id, LocalDate on, ExamResult result, LocalDate unfitUntil) {
        return new MedicalClassPolicy.Exam(id, on, result, unfitUntil);
    }

    static MedicalClassPolicy.Profile profile(LocalDate from, LocalDate to, Restriction... r) {
        return new MedicalClassPolicy.Profile(List.of(r), null, from, to);
    }

    static MedicalClass cls(List<MedicalClassPolicy.Exam> exams, List<MedicalClassPolicy.Profile> profiles) {
        return MedicalClassPolicy.assess(exams, profiles, TODAY, 12).medicalClass();
    }

    @Test
    void noExamIsUnknownEvenWithAProfile() {
        var a = MedicalClassPolicy.assess(List.of(), List.of(profile(TODAY, TODAY, Restriction.NO_RUNNING)), TODAY, 12);
        assertThat(a.medicalClass()).isEqualTo(MedicalClass.UNKNOWN);
        assertThat(a.validUntil()).isNull();
        assertThat(a.activeRestrictions()).containsExactly(Restriction.NO_RUNNING);
    }

    @Test
    void eachResult() {
        assertThat(cls(List.of(exam(1, TODAY, ExamResult.FIT, null)), List.of())).isEqualTo(MedicalClass.FIT);
        assertThat(cls(List.of(exam(1, TODAY, ExamResult.FIT_LIMITED, null)), List.of())).isEqualTo(MedicalClass.FIT_LIMITED);
        assertThat(cls(List.of(exam(1, TODAY, ExamResult.UNFIT, null)), List.of())).isEqualTo(MedicalClass.UNFIT);
        assertThat(cls(List.of(exam(1, TODAY, ExamResult.TEMPORARILY_UNFIT, TODAY.plusDays(1))), List.of()))
                .isEqualTo(MedicalClass.TEMPORARILY_UNFIT);
    }

    @Test
    void examIsValidTwelveMonthsToTheDay() {
        LocalDate lastValid = TODAY.minusMonths(12).plusDays(1);
        var a = MedicalClassPolicy.assess(List.of(exam(1, lastValid, ExamResult.FIT, null)), List.of(), TODAY, 12);
        assertThat(a.medicalClass()).isEqualTo(MedicalClass.FIT);
        assertThat(a.validUntil()).isEqualTo(TODAY);
        assertThat(cls(List.of(exam(1, TODAY.minusMonths(12), ExamResult.FIT, null)), List.of())).isEqualTo(MedicalClass.UNKNOWN);
        assertThat(MedicalClassPolicy.assess(List.of(exam(1, TODAY.minusMonths(12), ExamResult.FIT, null)), List.of(), TODAY, 24)
                .medicalClass()).isEqualTo(MedicalClass.FIT);
        assertThat(cls(List.of(exam(1, TODAY.minusMonths(13), ExamResult.UNFIT, null)), List.of())).isEqualTo(MedicalClass.UNKNOWN);
    }

    @Test
    void temporarilyUnfitUntilTheDayBeforeUnfitUntil() {
        var exam = exam(1, TODAY.minusDays(10), ExamResult.TEMPORARILY_UNFIT, TODAY.plusDays(1));
        var a = MedicalClassPolicy.assess(List.of(exam), List.of(), TODAY, 12);
        assertThat(a.medicalClass()).isEqualTo(MedicalClass.TEMPORARILY_UNFIT);
        assertThat(a.unfitUntil()).isEqualTo(TODAY.plusDays(1));
        var ended = exam(1, TODAY.minusDays(10), ExamResult.TEMPORARILY_UNFIT, TODAY);
        assertThat(cls(List.of(ended), List.of())).isEqualTo(MedicalClass.FIT);
        assertThat(cls(List.of(ended), List.of(profile(TODAY, TODAY, Restriction.NO_HEIGHTS)))).isEqualTo(MedicalClass.FIT_LIMITED);
    }

    @Test
    void activeProfileLimitsEndedOrFutureDoesNot() {
        var fit = List.of(exam(1, TODAY.minusMonths(1), ExamResult.FIT, null));
        assertThat(cls(fit, List.of(profile(TODAY.minusDays(5), TODAY, Restriction.NO_RUNNING)))).isEqualTo(MedicalClass.FIT_LIMITED);
        assertThat(cls(fit, List.of(profile(TODAY, TODAY.plusDays(5), Restriction.NO_RUNNING)))).isEqualTo(MedicalClass.FIT_LIMITED);
        assertThat(cls(fit, List.of(profile(TODAY.minusDays(5), TODAY.minusDays(1), Restriction.NO_RUNNING)))).isEqualTo(MedicalClass.FIT);
        assertThat(cls(fit, List.of(profile(TODAY.plusDays(1), TODAY.plusDays(5), Restriction.NO_RUNNING)))).isEqualTo(MedicalClass.FIT);
        var a = MedicalClassPolicy.assess(fit, List.of(
                new MedicalClassPolicy.Profile(List.of(Restriction.NO_LOAD_OVER_KG), 20, TODAY, TODAY),
                new MedicalClassPolicy.Profile(List.of(Restriction.NO_LOAD_OVER_KG, Restriction.NO_WEAPONS), 15, TODAY, TODAY),
                new MedicalClassPolicy.Profile(List.of(Restriction.NO_LOAD_OVER_KG), 5, TODAY.minusDays(3), TODAY.minusDays(1))), TODAY, 12);
        assertThat(a.activeRestrictions()).containsExactly(Restriction.NO_LOAD_OVER_KG, Restriction.NO_WEAPONS);
        assertThat(a.maxLoadKg()).isEqualTo(15);
    }

    @Test
    void latestExamDecides() {
        var exams = List.of(exam(1, TODAY.minusDays(20), ExamResult.UNFIT, null), exam(2, TODAY.minusDays(2), ExamResult.FIT, null));
        assertThat(cls(exams, List.of())).isEqualTo(MedicalClass.FIT);
        var sameDay = List.of(exam(3, TODAY, ExamResult.UNFIT, null), exam(2, TODAY, ExamResult.FIT, null));
        assertThat(cls(sameDay, List.of())).isEqualTo(MedicalClass.UNFIT);
    }
}
