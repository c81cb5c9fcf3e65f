package kz.qalqan.demo.internal;

import kz.qalqan.demo.DemoData;
import kz.qalqan.registry.ImportReport;
import kz.qalqan.registry.MemberDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo force on a start against an empty register, unless {@code qalqan.demo=false}. Commands
 * (import, bench) get the units only, so that generated files import; the server gets members too.
 */
@Component
class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    static final int DEFAULT_MEMBERS = 6000;

    private final DemoData demo;
    private final MemberDirectory members;
    private final Environment env;

    DemoSeeder(DemoData demo, MemberDirectory members, Environment env) {
        this.demo = demo;
        this.members = members;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!env.getProperty("qalqan.demo", Boolean.class, true)) {
            return;
        }
        int units = demo.ensureUnits();
        if (units == 0) {
            return;
        }
        log.info("Demo force: created {} units", units);
        if (env.getProperty("qalqan.cli", Boolean.class, false) || members.count() > 0) {
            return;
        }
        // one import of the whole demo force: its units have about 4,900 posts to fill
        int count = env.getProperty("qalqan.demo-members", Integer.class, DEFAULT_MEMBERS);
        ImportReport report = demo.seedMembers(count, env.getProperty("qalqan.demo-seed", Long.class, 2026L));
        log.info("Demo force: imported {} generated members", report.accepted());
    }
}
