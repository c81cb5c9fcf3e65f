package kz.qalqan.demo.internal;

import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.Emergency;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyStatus;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.shared.GeoPoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's flood exercise near Atyrau: declared once by the system, only when demo data is on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoEmergencySeederIntegrationTests {

    @Autowired
    Emergencies emergencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private List<Emergency> demoFloods() {
        // outside a request the caller is the system, which watches everything
        return emergencies.list(false).stream().filter(e -> DemoEmergencySeeder.TITLE.equals(e.title())).toList();
    }

    @Test
    void declaresOneFloodExerciseInAtyrauRegionOnceAndOnlyWithDemoData() {
        new DemoEmergencySeeder(emergencies, jdbc, transactions, new MockEnvironment().withProperty("qalqan.demo", "false"))
                .seed();
        int before = demoFloods().size();
        assertThat(before).as("the test configuration has no demo data").isLessThanOrEqualTo(1);

        DemoEmergencySeeder seeder = new DemoEmergencySeeder(emergencies, jdbc, transactions,
                new MockEnvironment().withProperty("qalqan.demo", "true"));
        seeder.seed();
        seeder.seed(); // a restart
        List<Emergency> floods = demoFloods();
        assertThat(floods).hasSize(1);
        Emergency flood = floods.get(0);
        assertThat(flood.type()).isEqualTo(EmergencyType.FLOOD);
        assertThat(flood.exercise()).isTrue();
        assertThat(flood.orgPath()).isEqualTo("KZ-23/");
        assertThat(flood.declaredBy()).isEqualTo("system");
        if (before == 0) {
            assertThat(flood.status()).isEqualTo(EmergencyStatus.ACTIVE);
        }
        // Atyrau city lies in the flooded delta polygon; Aktau does not
        EmergencyArea area = flood.area();
        assertThat(area.contains(new GeoPoint(47.10, 51.92), null, null)).isTrue();
        assertThat(area.contains(new GeoPoint(43.65, 51.17), null, null)).isFalse();
    }
}
