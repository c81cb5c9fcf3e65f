package kz.qalqan.safety.internal;

import kz.qalqan.safety.ApprovalAuthority;
import kz.qalqan.safety.RiskLevel;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalPolicyTests {

    private static final String UNIT = "KZ-75/d12/u45/u46/";

    private static Caller commander(String... paths) {
        return new Caller("cmd", null, java.util.Arrays.stream(paths).map(p -> new Grant(Role.COMMANDER, p)).toList());
    }

    @Test
    void echelonFollowsTheHighestCoveringCommanderGrant() {
        assertThat(ApprovalPolicy.echelon(commander("").grants(), UNIT)).contains(ApprovalAuthority.NATIONAL_COMMAND);
        assertThat(ApprovalPolicy.echelon(commander("KZ-75/").grants(), UNIT)).contains(ApprovalAuthority.REGION_TO_COMMANDER);
        assertThat(ApprovalPolicy.echelon(commander("KZ-75/d12/").grants(), UNIT)).contains(ApprovalAuthority.NEXT_HIGHER_ECHELON);
        assertThat(ApprovalPolicy.echelon(commander("KZ-75/d12/u45/").grants(), UNIT)).contains(ApprovalAuthority.NEXT_HIGHER_ECHELON);
        assertThat(ApprovalPolicy.echelon(commander(UNIT).grants(), UNIT)).contains(ApprovalAuthority.UNIT_COMMANDER);
        assertThat(ApprovalPolicy.echelon(commander(UNIT, "KZ-75/").grants(), UNIT)).contains(ApprovalAuthority.REGION_TO_COMMANDER);
    }

    @Test
    void grantsThatDoNotCoverTheUnitOrAreNotCommandCountForNothing() {
        assertThat(ApprovalPolicy.echelon(commander("KZ-71/", "KZ-75/d13/", UNIT + "u47/").grants(), UNIT)).isEmpty();
        Caller safety = new Caller("so", null, List.of(new Grant(Role.SAFETY_OFFICER, ""), new Grant(Role.ADMIN, "")));
        assertThat(ApprovalPolicy.echelon(safety.grants(), UNIT)).isEmpty();
        ApprovalPolicy.Verdict v = ApprovalPolicy.check(safety, "someone", UNIT, RiskLevel.L);
        assertThat(v.refusal()).isEqualTo(ApprovalPolicy.Refusal.NOT_A_COMMANDER);
        assertThat(v.code()).isEqualTo("safety.approval.notACommander");
    }

    @Test
    void eachLevelNeedsItsEchelonOrHigher() {
        String[] paths = {UNIT, "KZ-75/d12/", "KZ-75/", ""};
        for (int echelon = 0; echelon < paths.length; echelon++) {
            for (RiskLevel level : RiskLevel.values()) {
                ApprovalPolicy.Verdict v = ApprovalPolicy.check(commander(paths[echelon]), "preparer", UNIT, level);
                assertThat(v.allowed()).as("echelon %d, level %s", echelon, level).isEqualTo(echelon >= level.ordinal());
            }
        }
    }

    @Test
    void rejectionSaysWhichAuthorityTheLevelNeeds() {
        ApprovalPolicy.Verdict v = ApprovalPolicy.check(commander(UNIT), "preparer", UNIT, RiskLevel.H);
        assertThat(v.refusal()).isEqualTo(ApprovalPolicy.Refusal.ECHELON_TOO_LOW);
        assertThat(v.code()).isEqualTo("safety.approval.needs.H");
        for (RiskLevel level : List.of(RiskLevel.M, RiskLevel.H, RiskLevel.EH)) {
            assertThat(ApprovalPolicy.check(commander(UNIT), "preparer", UNIT, level).code())
                    .isEqualTo("safety.approval.needs." + level.name());
        }
    }

    @Test
    void thePreparerNeverApprovesNotEvenAtNationalLevel() {
        ApprovalPolicy.Verdict v = ApprovalPolicy.check(commander(""), "cmd", UNIT, RiskLevel.L);
        assertThat(v.allowed()).isFalse();
        assertThat(v.refusal()).isEqualTo(ApprovalPolicy.Refusal.OWN_ASSESSMENT);
    }
}
