package kz.qalqan.platform.security;

import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfidentialityTests {

    record Exam(LocalDate date, String fitnessClass, @Sensitive String diagnosis) {
    }

    record MedicalFile(long memberId, String fitnessClass, @Sensitive String profileReason, List<Exam> exams) {
    }

    static final String ALMATY_UNIT = "KZ-75/u7/";
    static final MedicalFile FILE = new MedicalFile(42, "FIT_LIMITED", "knee surgery 2025",
            List.of(new Exam(LocalDate.of(2026, 3, 1), "FIT_LIMITED", "meniscus tear")));

    static Caller caller(Long memberId, Role role, String path) {
        return new Caller("u", memberId, List.of(new Grant(role, path)));
    }

    @Test
    void aMedicalOfficerInScopeSeesEverything() {
        MedicalFile seen = Confidentiality.redact(FILE, caller(null, Role.MEDICAL_OFFICER, "KZ-75/"), ALMATY_UNIT, 42L);

        assertThat(seen).isSameAs(FILE);
    }

    @Test
    void theMemberThemselvesSeesEverything() {
        MedicalFile seen = Confidentiality.redact(FILE, caller(42L, Role.MEMBER, ""), ALMATY_UNIT, 42L);

        assertThat(seen.profileReason()).isEqualTo("knee surgery 2025");
        assertThat(seen.exams().get(0).diagnosis()).isEqualTo("meniscus tear");
    }

    @Test
    void aCommanderSeesClassAndDatesButNoDiagnosis() {
        MedicalFile seen = Confidentiality.redact(FILE, caller(null, Role.COMMANDER, "KZ-75/"), ALMATY_UNIT, 42L);

        assertThat(seen.profileReason()).isNull();
        assertThat(seen.fitnessClass()).isEqualTo("FIT_LIMITED");
        assertThat(seen.exams().get(0).diagnosis()).isNull();
        assertThat(seen.exams().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(FILE.profileReason()).as("the original is untouched").isEqualTo("knee surgery 2025");
    }

    @Test
    void aMedicalOfficerOfAnotherRegionSeesNoDiagnosis() {
        MedicalFile seen = Confidentiality.redact(FILE, caller(null, Role.MEDICAL_OFFICER, "KZ-71/"), ALMATY_UNIT, 42L);

        assertThat(seen.profileReason()).isNull();
        assertThat(seen.exams().get(0).diagnosis()).isNull();
    }

    @Test
    void anotherMemberSeesNoDiagnosis() {
        assertThat(Confidentiality.redact(FILE, caller(7L, Role.MEMBER, ""), ALMATY_UNIT, 42L).profileReason()).isNull();
    }

    @Test
    void anAdminIsNotAMedicalOfficer() {
        assertThat(Confidentiality.redact(FILE, caller(null, Role.ADMIN, ""), ALMATY_UNIT, 42L).profileReason()).isNull();
    }
}
