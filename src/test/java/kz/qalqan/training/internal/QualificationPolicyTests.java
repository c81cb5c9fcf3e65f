package kz.qalqan.training.internal;

import kz.qalqan.platform.FieldProblem;
import kz.qalqan.training.QualificationCode;
import kz.qalqan.training.AwardCommand;
import kz.qalqan.training.Qualification;
import kz.qalqan.training.internal.QualificationPolicy.Accepted;
import kz.qalqan.training.internal.QualificationPolicy.Held;
import kz.qalqan.training.internal.QualificationPolicy.Rejected;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QualificationPolicyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Qualification FIRST_AID = new Qualification("first_aid", "kk", "ru", "en", "MEDICAL", 24, List.of());
    static final Qualification LIFESAVER = new Qualification("combat_lifesaver", "kk", "ru", "en", "MEDICAL", 24, List.of("first_aid"));
    static final Qualification LIFELONG = new Qualification("instructor", "kk", "ru", "en", "TEACHING", null, List.of());

    static AwardCommand award(String code, LocalDate on, LocalDate expires) {
        return new AwardCommand(code, on, expires, "Certificate 123", null);
    }

    static List<FieldProblem> problems(QualificationPolicy.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Rejected.class);
        return ((Rejected) outcome).problems();
    }

    @Test
    void computesExpiryFromTheCatalogueValidity() {
        var outcome = QualificationPolicy.check(award("first_aid", TODAY.minusDays(10), null), Optional.of(FIRST_AID), List.of(), TODAY);
        assertThat(outcome).isEqualTo(new Accepted(TODAY.minusDays(10).plusMonths(24)));
    }

    @Test
    void keepsAGivenExpiryAndLeavesAQualificationWithoutValidityOpen() {
        assertThat(QualificationPolicy.check(award("first_aid", TODAY, TODAY.plusMonths(6)), Optional.of(FIRST_AID), List.of(), TODAY))
                .isEqualTo(new Accepted(TODAY.plusMonths(6)));
        assertThat(QualificationPolicy.check(award("instructor", TODAY, null), Optional.of(LIFELONG), List.of(), TODAY))
                .isEqualTo(new Accepted(null));
    }

    @Test
    void rejectsAnAwardInTheFuture() {
        assertThat(problems(QualificationPolicy.check(award("first_aid", TODAY.plusDays(1), null), Optional.of(FIRST_AID), List.of(), TODAY)))
                .extracting(FieldProblem::field).containsExactly("awardedOn");
    }

    @Test
    void acceptsAnAwardDatedToday() {
        assertThat(QualificationPolicy.check(award("first_aid", TODAY, null), Optional.of(FIRST_AID), List.of(), TODAY))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void rejectsAnExpiryOnOrBeforeTheAwardDate() {
        assertThat(problems(QualificationPolicy.check(award("first_aid", TODAY, TODAY), Optional.of(FIRST_AID), List.of(), TODAY)))
                .containsExactly(FieldProblem.of("expiresOn", "training.award.expiryBeforeAward", QualificationPolicy.DAY.format(TODAY)));
    }

    @Test
    void rejectsAMissingPrerequisiteInDomainWords() {
        assertThat(problems(QualificationPolicy.check(award("combat_lifesaver", TODAY, null), Optional.of(LIFESAVER), List.of(), TODAY)))
                .containsExactly(FieldProblem.of("code", "training.award.prerequisite", new QualificationCode("combat_lifesaver"),
                        new QualificationCode("first_aid"), QualificationPolicy.DAY.format(TODAY)));
    }

    @Test
    void rejectsAPrerequisiteThatExpiredBeforeTheAwardDate() {
        Held expired = new Held("first_aid", TODAY.minusYears(3), TODAY.minusYears(1));
        assertThat(problems(QualificationPolicy.check(award("combat_lifesaver", TODAY, null), Optional.of(LIFESAVER), List.of(expired), TODAY)))
                .extracting(FieldProblem::field).containsExactly("code");
    }

    @Test
    void rejectsAPrerequisiteAwardedOnlyAfterTheAwardDate() {
        Held later = new Held("first_aid", TODAY, TODAY.plusYears(2));
        assertThat(QualificationPolicy.check(award("combat_lifesaver", TODAY.minusDays(1), null), Optional.of(LIFESAVER), List.of(later), TODAY))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void acceptsAPrerequisiteCurrentOnTheAwardDate() {
        Held current = new Held("first_aid", TODAY.minusYears(1), TODAY.plusYears(1));
        assertThat(QualificationPolicy.check(award("combat_lifesaver", TODAY, null), Optional.of(LIFESAVER), List.of(current), TODAY))
                .isInstanceOf(Accepted.class);
    }

    @Test
    void treatsThePrerequisiteAsExpiredOnItsExpiryDay() {
        Held endsToday = new Held("first_aid", TODAY.minusYears(2), TODAY);
        assertThat(QualificationPolicy.check(award("combat_lifesaver", TODAY, null), Optional.of(LIFESAVER), List.of(endsToday), TODAY))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void listsEveryProblemAtOnce() {
        var outcome = QualificationPolicy.check(new AwardCommand(" ", null, null, " ", null), Optional.empty(), List.of(), TODAY);
        assertThat(problems(outcome)).extracting(FieldProblem::field).containsExactly("code", "awardedOn", "evidence");
    }

    @Test
    void rejectsACodeOutsideTheCatalogue() {
        assertThat(problems(QualificationPolicy.check(award("astronaut", TODAY, null), Optional.empty(), List.of(), TODAY)))
                .containsExactly(FieldProblem.of("code", "training.qualification.unknown", "astronaut"));
    }
}
