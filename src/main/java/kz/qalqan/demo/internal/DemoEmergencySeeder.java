package kz.qalqan.demo.internal;

import kz.qalqan.emergency.DeclareEmergency;
import kz.qalqan.emergency.Emergencies;
import kz.qalqan.emergency.EmergencyArea;
import kz.qalqan.emergency.EmergencyType;
import kz.qalqan.emergency.Severity;
import kz.qalqan.platform.security.ActingAs;
import kz.qalqan.shared.Caller;
import kz.qalqan.shared.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Gives the demo one open emergency to look at: a flood EXERCISE over the Ural delta south-east of Atyrau city, a
 * polygon in Atyrau region, declared by the system through the emergency module's API (so it is audited and
 * published like any declaration). Once: a later start finds it by its title and leaves it alone, whatever its
 * status has become.
 */
@Component
class DemoEmergencySeeder {

    static final String TITLE = "Жаттығу: Атырау маңындағы су тасқыны (Жайық атырауы)";
    private static final Logger log = LoggerFactory.getLogger(DemoEmergencySeeder.class);
    private static final long LOCK = 0x51414c51414e06L;

    /** Around Atyrau city (47.107, 51.914): the lower Ural and its delta towards the Caspian shore. */
    static final List<GeoPoint> AREA = List.of(new GeoPoint(47.20, 51.78), new GeoPoint(47.22, 52.02),
            new GeoPoint(47.02, 52.12), new GeoPoint(46.86, 52.00), new GeoPoint(46.92, 51.80), new GeoPoint(47.20, 51.78));

    private final Emergencies emergencies;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Environment env;

    DemoEmergencySeeder(Emergencies emergencies, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                        Environment env) {
        this.emergencies = emergencies;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!env.getProperty("qalqan.demo", Boolean.class, true) || env.getProperty("qalqan.cli", Boolean.class, false)) {
            return;
        }
        try {
            Boolean declared = ActingAs.call(Caller.SYSTEM, () -> transactions.execute(status -> {
                // one node at a time, so that two nodes starting together declare it once
                jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
                if (emergencies.list(false).stream().anyMatch(e -> TITLE.equals(e.title()))) {
                    return false;
                }
                emergencies.declare(new DeclareEmergency(TITLE, EmergencyType.FLOOD, Severity.SEVERE, true,
                        "Демо-жаттығу: көктемгі су Жайық атырауындағы ауылдарды басып жатыр. "
                                + "Учения: весенний паводок подтапливает сёла в дельте Урала.",
                        new EmergencyArea(List.of(AREA), List.of(), List.of(), List.of())));
                return true;
            }));
            if (Boolean.TRUE.equals(declared)) {
                log.info("Demo emergency: a flood exercise near Atyrau declared");
            }
        } catch (RuntimeException e) {
            log.error("Demo emergency could not be declared", e);
        }
    }
}
