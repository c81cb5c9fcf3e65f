package kz.qalqan.safety;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RiskMatrixTests {

    /** Every cell of the ATP 5-19 matrix, copied from DOMAIN.md §3 (severity, probability, level). */
    @ParameterizedTest(name = "{0} × {1} → {2}")
    @CsvSource({
            "I, A, EH", "I, B, EH", "I, C, H", "I, D, H", "I, E, M",
            "II, A, EH", "II, B, H", "II, C, H", "II, D, M", "II, E, L",
            "III, A, H", "III, B, M", "III, C, M", "III, D, L", "III, E, L",
            "IV, A, M", "IV, B, L", "IV, C, L", "IV, D, L", "IV, E, L",
    })
    void givesTheLevelOfEveryCellOfTheMatrix(Severity severity, Probability probability, RiskLevel level) {
        assertThat(RiskMatrix.level(probability, severity)).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"L, UNIT_COMMANDER", "M, NEXT_HIGHER_ECHELON", "H, REGION_TO_COMMANDER", "EH, NATIONAL_COMMAND"})
    void namesTheApprovalAuthorityOfEachLevel(RiskLevel level, ApprovalAuthority authority) {
        assertThat(level.approvalAuthority()).isEqualTo(authority);
        assertThat(ApprovalAuthority.forLevel(level)).isEqualTo(authority);
    }

    @Test
    void ordersLevelsFromLowToExtremelyHigh() {
        assertThat(RiskLevel.max(RiskLevel.M, RiskLevel.H)).isEqualTo(RiskLevel.H);
        assertThat(RiskLevel.max(RiskLevel.EH, RiskLevel.L)).isEqualTo(RiskLevel.EH);
        assertThat(RiskLevel.max(RiskLevel.L, RiskLevel.L)).isEqualTo(RiskLevel.L);
        assertThat(RiskLevel.H.isHigherThan(RiskLevel.M)).isTrue();
        assertThat(RiskLevel.M.isHigherThan(RiskLevel.H)).isFalse();
    }

    @Test
    void aHigherAuthorityMayApproveLowerLevelsButNotHigherOnes() {
        assertThat(ApprovalAuthority.REGION_TO_COMMANDER.mayApprove(RiskLevel.M)).isTrue();
        assertThat(ApprovalAuthority.REGION_TO_COMMANDER.mayApprove(RiskLevel.H)).isTrue();
        assertThat(ApprovalAuthority.REGION_TO_COMMANDER.mayApprove(RiskLevel.EH)).isFalse();
        assertThat(ApprovalAuthority.UNIT_COMMANDER.mayApprove(RiskLevel.M)).isFalse();
    }

    @Test
    void readsLettersNumeralsAndWordsIgnoringCase() {
        assertThat(Probability.parse("c")).contains(Probability.C);
        assertThat(Probability.parse("Occasional")).contains(Probability.C);
        assertThat(Probability.parse("F")).isEmpty();
        assertThat(Severity.parse("ii")).contains(Severity.II);
        assertThat(Severity.parse("critical")).contains(Severity.II);
        assertThat(Severity.parse("V")).isEmpty();
        assertThat(Severity.parse(null)).isEmpty();
    }
}
