package kz.qalqan.demo;

import kz.qalqan.demo.internal.ReferenceRegions;
import kz.qalqan.demo.internal.ReferenceRegions.District;
import kz.qalqan.demo.internal.ReferenceRegions.Region;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DemoForceTests {

    private static final Set<String> UNIT_TYPES = Set.of("BATTALION", "COMPANY", "PLATOON", "CIVIL_DEFENSE_TEAM",
            "MEDICAL_TEAM", "RESCUE_TEAM", "COMMUNICATIONS_TEAM", "LOGISTICS_TEAM");
    private static final Set<String> QUALIFICATIONS = Set.of("first_aid", "combat_lifesaver", "driver_c", "driver_d",
            "driver_ce", "radio_operator", "rescuer", "cbrn_defense", "weapons_handling", "sapper", "land_navigation",
            "water_rescue", "mountain_rescue", "fitness_test", "instructor");

    private final DemoForce force = DemoForce.standard();
    private final ReferenceRegions reference = ReferenceRegions.load();

    @Test
    void coversAllTwentyRegionsWithTheSameStructure() {
        assertThat(force.regionCodes()).hasSize(20)
                .containsExactlyElementsOf(reference.regions().stream().map(Region::code).toList());
        for (Region region : reference.regions()) {
            String n = region.code().substring(3);
            List<DemoUnit> units = force.unitsOf(region.code());
            assertThat(units).extracting(DemoUnit::code).containsExactly(
                    "TO-" + n, "TO-" + n + "-1", "TO-" + n + "-1-1", "TO-" + n + "-1-2",
                    "TO-" + n + "-2", "TO-" + n + "-2-1", "TO-" + n + "-2-2",
                    "TO-" + n + "-3", "TO-" + n + "-3-1", "TO-" + n + "-3-2",
                    "RT-" + n, "MT-" + n, "CD-" + n, "CT-" + n, "LT-" + n);
            Map<String, Long> types = units.stream().collect(Collectors.groupingBy(DemoUnit::type, Collectors.counting()));
            assertThat(types).containsEntry("BATTALION", 1L).containsEntry("COMPANY", 3L).containsEntry("PLATOON", 6L)
                    .containsEntry("RESCUE_TEAM", 1L).containsEntry("MEDICAL_TEAM", 1L)
                    .containsEntry("CIVIL_DEFENSE_TEAM", 1L).containsEntry("COMMUNICATIONS_TEAM", 1L)
                    .containsEntry("LOGISTICS_TEAM", 1L);
            assertThat(force.leafUnitCodes(region.code())).hasSize(11)
                    .allSatisfy(code -> assertThat(force.unit(code)).get().matches(DemoUnit::isLeaf))
                    .noneMatch(code -> code.equals("TO-" + n) || code.matches("TO-\\d\\d-\\d"));
        }
        assertThat(force.units()).hasSize(300);
        assertThat(force.positionCount()).isEqualTo(20 * 247);
        assertThat(force.unitsOf("KZ-00")).isEmpty();
        assertThat(force.leafUnitCodes("KZ-00")).isEmpty();
    }

    @Test
    void codesAreUniqueAndFitTheRegistrySchema() {
        List<String> codes = force.units().stream().map(DemoUnit::code).toList();
        assertThat(codes).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$"));
        assertThat(force.units()).allSatisfy(unit -> {
            assertThat(unit.type()).isIn(UNIT_TYPES);
            assertThat(unit.name()).hasSizeBetween(1, 200);
            assertThat(unit.lat()).isBetween(40.5, 55.5);
            assertThat(unit.lon()).isBetween(46.0, 87.5);
        });
    }

    @Test
    void parentsComeBeforeChildrenAndStayInTheirRegion() {
        Map<String, DemoUnit> seen = new java.util.HashMap<>();
        for (DemoUnit unit : force.units()) {
            if (unit.type().equals("BATTALION")) {
                assertThat(unit.parentCode()).isNull();
            } else {
                assertThat(unit.parentCode()).as(unit.code()).isNotNull();
                DemoUnit parent = seen.get(unit.parentCode());
                assertThat(parent).as("parent of " + unit.code() + " listed before it").isNotNull();
                assertThat(parent.regionCode()).isEqualTo(unit.regionCode());
                String expectedParentType = unit.type().equals("PLATOON") ? "COMPANY" : "BATTALION";
                assertThat(parent.type()).isEqualTo(expectedParentType);
            }
            seen.put(unit.code(), unit);
        }
    }

    @Test
    void districtIdsExistAndBelongToTheUnitsRegion() {
        Set<Integer> used = new HashSet<>();
        for (DemoUnit unit : force.units()) {
            if (unit.districtId() == null) {
                continue;
            }
            used.add(unit.districtId());
            District district = reference.district(unit.districtId()).orElseThrow();
            assertThat(district.regionCode()).as(unit.code()).isEqualTo(unit.regionCode());
        }
        assertThat(used).isNotEmpty();
    }

    @Test
    void companiesSitInTheFirstDistrictsOrAroundTheRegionCentre() {
        for (Region region : reference.regions()) {
            List<District> districts = reference.districtsOf(region.code());
            for (int c = 1; c <= 3; c++) {
                DemoUnit company = force.unit("TO-" + region.code().substring(3) + "-" + c).orElseThrow();
                if (districts.isEmpty()) {
                    assertThat(company.districtId()).isNull();
                    assertThat(Math.abs(company.lat() - region.lat())).isBetween(0.0, 0.1);
                    assertThat(Math.abs(company.lon() - region.lon())).isBetween(0.0, 0.1);
                    assertThat(company.lat() != region.lat() || company.lon() != region.lon()).isTrue();
                } else {
                    District district = districts.get(c - 1);
                    assertThat(company.districtId()).isEqualTo(district.id());
                    assertThat(company.lat()).isCloseTo(district.lat(), org.assertj.core.data.Offset.offset(1e-5));
                    assertThat(company.lon()).isCloseTo(district.lon(), org.assertj.core.data.Offset.offset(1e-5));
                }
            }
            DemoUnit battalion = force.unit("TO-" + region.code().substring(3)).orElseThrow();
            assertThat(battalion.districtId()).isNull();
            assertThat(battalion.lat()).isEqualTo(region.lat());
            assertThat(battalion.lon()).isEqualTo(region.lon());
        }
    }

    @Test
    void namesAreKazakhAndIncludeTheRegionForBattalionsAndTeams() {
        assertThat(force.unit("TO-10")).get().extracting(DemoUnit::name)
                .isEqualTo("Абай облысы аумақтық қорғаныс батальоны");
        assertThat(force.unit("TO-75")).get().extracting(DemoUnit::name)
                .isEqualTo("Алматы қаласы аумақтық қорғаныс батальоны");
        assertThat(force.unit("TO-10-2")).get().extracting(DemoUnit::name).isEqualTo("2-рота");
        assertThat(force.unit("TO-10-2-1")).get().extracting(DemoUnit::name).isEqualTo("1-взвод");
        for (Region region : reference.regions()) {
            for (DemoUnit unit : force.unitsOf(region.code())) {
                if (unit.type().equals("BATTALION") || unit.type().endsWith("_TEAM")) {
                    assertThat(unit.name()).startsWith(region.nameKk());
                }
            }
        }
        assertThat(force.unit("RT-75")).get().extracting(DemoUnit::name).isEqualTo("Алматы қаласы құтқару тобы");
    }

    @Test
    void positionsUseKnownQualificationsAndMedicalStandards() {
        for (DemoUnit unit : force.units()) {
            assertThat(unit.positions()).as(unit.code()).isNotEmpty();
            for (DemoPosition position : unit.positions()) {
                assertThat(position.title()).hasSizeBetween(1, 200);
                assertThat(position.requiredQualifications()).doesNotHaveDuplicates().allMatch(QUALIFICATIONS::contains);
                assertThat(position.medicalStandard()).isIn("FIT", "FIT_LIMITED");
            }
        }
        DemoUnit platoon = force.unit("TO-71-1-1").orElseThrow();
        assertThat(platoon.positions()).hasSize(28);
        assertThat(platoon.positions()).filteredOn(p -> p.title().startsWith("Атқыш")).hasSize(18)
                .allMatch(p -> p.requiredQualifications().containsAll(List.of("weapons_handling", "fitness_test")));
        assertThat(platoon.positions()).filteredOn(p -> p.title().endsWith("бөлімше командирі")).hasSize(3);
        assertThat(platoon.positions()).anyMatch(p -> p.requiredQualifications().contains("driver_c"))
                .anyMatch(p -> p.requiredQualifications().contains("radio_operator"))
                .anyMatch(p -> p.requiredQualifications().contains("combat_lifesaver"))
                .allMatch(p -> p.medicalStandard().equals("FIT"));
        assertThat(platoon.positions().get(0).requiredQualifications()).containsExactly("land_navigation", "instructor");

        DemoUnit battalion = force.unit("TO-71").orElseThrow();
        assertThat(battalion.positions()).extracting(DemoPosition::title)
                .contains("Қауіпсіздік жөніндегі офицер", "Медициналық қызмет бастығы");
        assertThat(battalion.positions()).anyMatch(p -> p.medicalStandard().equals("FIT_LIMITED"));

        for (String team : List.of("RT-71", "MT-71", "CD-71", "CT-71", "LT-71")) {
            assertThat(force.unit(team).orElseThrow().positions()).as(team).hasSizeBetween(8, 15);
        }
        Set<String> used = force.units().stream().flatMap(u -> u.positions().stream())
                .flatMap(p -> p.requiredQualifications().stream()).collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrderElementsOf(QUALIFICATIONS);
        assertThat(DemoForce.QUALIFICATIONS).containsExactlyInAnyOrderElementsOf(QUALIFICATIONS);
    }

    @Test
    void isDeterministicAndImmutable() {
        assertThat(DemoForce.standard()).isSameAs(force);
        assertThat(force.units()).isUnmodifiable();
        assertThat(force.unitsOf("KZ-75")).isUnmodifiable();
        assertThat(force.units().get(0).positions()).isUnmodifiable();
    }
}
