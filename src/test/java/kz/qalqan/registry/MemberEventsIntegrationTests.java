package kz.qalqan.registry;

import kz.qalqan.support.TestIins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class MemberEventsIntegrationTests {

    @Autowired
    MemberDirectory directory;

    @Autowired
    OrgStructure org;

    @Autowired
    MemberImport imports;

    @Autowired
    ApplicationEvents events;

    MemberCommand command(String iin, Long unitId, String status) {
        return new MemberCommand(iin, "Тестов", "Тест", null, "volunteer", null, null, "KZ-63", null, unitId, null,
                null, null, "ru", List.of(), null, null, status);
    }

    Unit unit() {
        return org.createUnit(new UnitCommand("E-" + UUID.randomUUID().toString().substring(0, 8), "Команда",
                UnitType.RESCUE_TEAM, "KZ-63", null, null, null, null, List.of()));
    }

    @Test
    void publishesRegisteredAssignedAndStatusChanged() {
        Unit first = unit();
        Unit second = unit();
        String iin = TestIins.random();

        Member member = directory.register(command(iin, first.id(), null), "test");
        directory.update(member.id(), command(iin, second.id(), "INACTIVE"), "test");

        assertThat(events.stream(MemberRegistered.class))
                .containsExactly(new MemberRegistered(member.id(), first.id(), first.orgPath()));
        assertThat(events.stream(MemberAssigned.class))
                .containsExactly(new MemberAssigned(member.id(), first.id(), second.id(), null));
        assertThat(events.stream(MemberStatusChanged.class))
                .containsExactly(new MemberStatusChanged(member.id(), MemberStatus.ACTIVE, MemberStatus.INACTIVE));
    }

    @Test
    void publishesOneEventPerImportNotPerRow() {
        String csv = "iin,last_name,first_name,region\n" + TestIins.random() + ",Бір,Екі,KZ-63\n" + TestIins.random() + ",Үш,Төрт,KZ-63\n";

        ImportReport report = imports.importMembers(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ImportMode.ALL_OR_NOTHING, "test", "events.csv");

        assertThat(events.stream(MembersImported.class)).containsExactly(new MembersImported(report.id(), 2));
        assertThat(events.stream(MemberRegistered.class)).isEmpty();
    }
}
