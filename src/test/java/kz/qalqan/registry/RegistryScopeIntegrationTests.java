package kz.qalqan.registry;

import kz.qalqan.platform.ForbiddenException;
import kz.qalqan.platform.InvalidInputException;
import kz.qalqan.platform.security.CurrentCaller;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.Grant;
import kz.qalqan.shared.Role;
import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.when;

/**
 * The registry filters by the caller's scope in SQL: a commander of Almaty city (KZ-75) never reaches
 * anyone or anything in Astana (KZ-71), whichever way they ask.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryScopeIntegrationTests {

    @MockitoBean
    CurrentCaller caller;

    @Autowired
    MemberDirectory directory;

    @Autowired
    OrgStructure org;

    @Autowired
    MemberImport imports;

    Unit almatyUnit;
    Unit astanaUnit;
    Member almatyMember;
    Member astanaMember;

    @BeforeEach
    void setUp() {
        as(Caller.SYSTEM);
        almatyUnit = unit("KZ-75");
        astanaUnit = unit("KZ-71");
        almatyMember = directory.register(member("KZ-75", almatyUnit.id()), "test");
        astanaMember = directory.register(member("KZ-71", astanaUnit.id()), "test");
    }

    void as(Caller c) {
        when(caller.get()).thenReturn(c);
    }

    static Caller with(Role role, String path) {
        return new Caller("someone", null, List.of(new Grant(role, path)));
    }

    Unit unit(String region) {
        return org.createUnit(new UnitCommand("S-" + UUID.randomUUID().toString().substring(0, 8), "Бөлім",
                UnitType.PLATOON, region, null, null, null, null, List.of()));
    }

    static MemberCommand member(String region, Long unitId) {
        return new MemberCommand(TestIins.random(), "Серікова", "Дана", null, null, null, null, region, null, unitId,
                null, null, null, null, List.of(), null, null, null);
    }

    @Test
    void aRegionCommanderSeesOnlyTheirRegion() {
        as(with(Role.COMMANDER, "KZ-75/"));

        MemberPage page = directory.search(new MemberSearch(null, null, null, false, null, null, 500, null));
        assertThat(page.items()).extracting(MemberSummary::id).contains(almatyMember.id()).doesNotContain(astanaMember.id());
        assertThat(directory.search(new MemberSearch(astanaMember.iin(), null, null, false, null, null, 10, null)).items()).isEmpty();
        assertThatThrownBy(() -> directory.find(astanaMember.id())).isInstanceOf(MemberNotFoundException.class);
        assertThatThrownBy(() -> directory.assignments(astanaMember.id())).isInstanceOf(MemberNotFoundException.class);
        assertThatThrownBy(() -> org.unit(astanaUnit.id())).isInstanceOf(UnitNotFoundException.class);
        assertThat(org.allUnits()).extracting(Unit::regionCode).containsOnly("KZ-75");
        assertThat(directory.countsByRegion()).containsOnlyKeys("KZ-75");
        assertThat(directory.find(almatyMember.id()).id()).isEqualTo(almatyMember.id());
    }

    @Test
    void aRegionCommanderCannotWriteOutsideTheirRegion() {
        as(with(Role.COMMANDER, "KZ-75/"));

        assertThatThrownBy(() -> directory.register(member("KZ-71", null), "c"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("regionCode"));
        assertThatThrownBy(() -> directory.register(member("KZ-75", astanaUnit.id()), "c"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("unitId"));
        assertThatThrownBy(() -> directory.update(astanaMember.id(), member("KZ-75", null), "c"))
                .isInstanceOf(MemberNotFoundException.class);
        assertThatThrownBy(() -> directory.delete(astanaMember.id())).isInstanceOf(MemberNotFoundException.class);
        assertThatThrownBy(() -> org.deleteUnit(astanaUnit.id())).isInstanceOf(UnitNotFoundException.class);
        assertThatThrownBy(() -> org.createUnit(new UnitCommand("X-" + UUID.randomUUID().toString().substring(0, 8), "X",
                UnitType.PLATOON, null, null, astanaUnit.id(), null, null, List.of())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("parentId"));
        assertThat(directory.register(member("KZ-75", almatyUnit.id()), "c").orgPath()).startsWith("KZ-75/");
    }

    @Test
    void anImportRejectsRowsOutsideTheCallersScope() {
        as(with(Role.COMMANDER, "KZ-75/"));
        String csv = "iin,last_name,first_name,region,unit\n"
                + TestIins.random() + ",Әлиев,Бек,KZ-75,\n"
                + TestIins.random() + ",Әлиев,Бек,KZ-71,\n"
                + TestIins.random() + ",Әлиев,Бек,KZ-75," + astanaUnit.code() + "\n";

        ImportReport report = imports.importMembers(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportMode.ACCEPT_VALID, "c", "scope.csv");

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportIssue::line, ImportIssue::column)
                .containsExactly(tuple(3L, "region"), tuple(4L, "unit"));
    }

    @Test
    void aSafetyOfficerReadsButDoesNotWrite() {
        as(with(Role.SAFETY_OFFICER, "KZ-75/"));

        assertThat(directory.find(almatyMember.id()).id()).isEqualTo(almatyMember.id());
        assertThatThrownBy(() -> directory.update(almatyMember.id(), member("KZ-75", null), "s"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> directory.register(member("KZ-75", null), "s")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aUnitScopeReachesTheUnitAndItsSubunitsOnly() {
        as(Caller.SYSTEM);
        Unit child = org.createUnit(new UnitCommand("C-" + UUID.randomUUID().toString().substring(0, 8), "Взвод",
                UnitType.PLATOON, null, null, almatyUnit.id(), null, null, List.of()));
        Member inChild = directory.register(member("KZ-75", child.id()), "test");
        Member elsewhereInRegion = directory.register(member("KZ-75", null), "test");
        as(with(Role.COMMANDER, almatyUnit.orgPath()));

        assertThat(directory.find(inChild.id()).id()).isEqualTo(inChild.id());
        assertThatThrownBy(() -> directory.find(elsewhereInRegion.id())).isInstanceOf(MemberNotFoundException.class);
        assertThat(org.tree(almatyUnit.id()).children()).extracting(UnitNode::id).containsExactly(child.id());
    }

    @Test
    void aMemberSeesOnlyThemselvesAndEditsOnlyTheirContacts() {
        as(new Caller("self", almatyMember.id(), List.of(new Grant(Role.MEMBER, ""))));

        assertThat(directory.self().id()).isEqualTo(almatyMember.id());
        assertThat(directory.search(new MemberSearch(null, null, null, false, null, null, 500, null)).items())
                .extracting(MemberSummary::id).containsExactly(almatyMember.id());
        assertThatThrownBy(() -> directory.find(astanaMember.id())).isInstanceOf(MemberNotFoundException.class);
        assertThatThrownBy(() -> directory.update(almatyMember.id(), member("KZ-75", null), "self"))
                .isInstanceOf(ForbiddenException.class);

        Member changed = directory.updateOwnContacts("8 777 123 45 67", "dana@example.org", "ru", "self");

        assertThat(changed.phone()).isEqualTo("+77771234567");
        assertThat(changed.language()).isEqualTo("ru");
        assertThat(changed.unitId()).isEqualTo(almatyUnit.id());
    }

    @Test
    void anAuditorSeesNoPeople() {
        as(with(Role.AUDITOR, ""));

        assertThat(directory.count()).isZero();
        assertThat(directory.search(new MemberSearch(null, null, null, false, null, null, 10, null)).items()).isEmpty();
        assertThatThrownBy(() -> directory.find(almatyMember.id())).isInstanceOf(MemberNotFoundException.class);
    }
}
