package kz.qalqan.demo;

import kz.qalqan.demo.internal.ReferenceRegions;
import kz.qalqan.shared.Iin;
import kz.qalqan.shared.PhoneNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants that must hold for any seed, checked over a fixed spread of seeds (including the extremes). */
class DemoMemberGeneratorPropertyTests {

    private static final DemoForce FORCE = DemoForce.standard();
    private static final ReferenceRegions REFERENCE = ReferenceRegions.load();

    @ParameterizedTest
    @ValueSource(longs = {0, 1, -1, 2, 42, 1_000_003, 123_456_789_012L, -987_654_321L, Long.MIN_VALUE, Long.MAX_VALUE})
    void everySeedGivesConsistentMembers(long seed) {
        List<GeneratedMember> members = new MemberGenerator(seed, FORCE).stream(2_000).toList();
        assertThat(members).hasSize(2_000);
        Set<String> iins = new HashSet<>();
        for (GeneratedMember m : members) {
            assertThat(Iin.isValid(m.iin())).isTrue();
            assertThat(iins.add(m.iin())).isTrue();
            assertThat(REFERENCE.region(m.regionCode())).isPresent();
            if (m.unitCode() != null) {
                assertThat(FORCE.leafUnitCodes(m.regionCode())).contains(m.unitCode());
            }
            if (m.districtId() != null) {
                assertThat(REFERENCE.district(m.districtId()).orElseThrow().regionCode()).isEqualTo(m.regionCode());
            }
            if (m.phone() != null) {
                assertThat(PhoneNumber.normalise(m.phone())).isPresent();
            }
            assertThat((m.lat() == null) == (m.lon() == null)).isTrue();
            assertThat(m.skills()).hasSizeLessThanOrEqualTo(3);
        }
        assertThat(new MemberGenerator(seed, FORCE).stream(50).toList()).isEqualTo(members.subList(0, 50));
    }
}
