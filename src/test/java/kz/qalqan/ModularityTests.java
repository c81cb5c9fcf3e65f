package kz.qalqan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(QalqanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyBusinessModuleIsKnown() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("registry", "identity", "audit", "training", "medical", "safety", "emergency", "web", "platform",
                        "shared", "demo", "incident", "readiness", "notification");
    }

    @Test
    void writesModuleDocumentation() {
        // docs/modules holds these diagrams for all modules: regenerate them with -Dqalqan.module-docs=docs/modules
        // (every build writes them under target/, as their order of lines varies from run to run)
        new Documenter(modules, Documenter.Options.defaults()
                .withOutputFolder(System.getProperty("qalqan.module-docs", "target/spring-modulith-docs")))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
