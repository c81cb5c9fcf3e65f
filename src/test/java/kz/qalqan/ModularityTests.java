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
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
