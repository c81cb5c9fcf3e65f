package kz.qalqan;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Each module owns its web edge: its controllers (pages and API) live in its own {@code web} package and use no
 * other module's web classes; the {@code web} module keeps only the shell (layout, dashboard, sign-in, language,
 * error pages).
 */
class WebEdgeTests {

    /** What the shell may serve itself. */
    private static final Set<String> SHELL = Set.of("LoginController", "DashboardController");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kz.qalqan");

    @Test
    void controllersLiveInTheirModulesWebPackage() {
        classes().that().areMetaAnnotatedWith(Controller.class).or().areMetaAnnotatedWith(ControllerAdvice.class)
                .should().resideInAnyPackage("kz.qalqan.*..web..", "kz.qalqan.web..")
                .check(classes);
    }

    @Test
    void theWebModuleKeepsOnlyTheShell() {
        classes().that().resideInAPackage("kz.qalqan.web..").and().areMetaAnnotatedWith(Controller.class)
                .should(haveNameIn(SHELL))
                .check(classes);
    }

    @Test
    void noControllerUsesAnotherModulesWebEdge() {
        classes().that().areMetaAnnotatedWith(Controller.class)
                .should(useOnlyTheirOwnModulesWebClasses())
                .check(classes);
    }

    private static ArchCondition<JavaClass> haveNameIn(Set<String> names) {
        return new ArchCondition<>("be one of " + names) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!names.contains(item.getSimpleName())) {
                    events.add(SimpleConditionEvent.violated(item, item.getName()
                            + " serves a module's pages from the web shell; move it into that module's web package"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnModulesWebClasses() {
        return new ArchCondition<>("use no other module's web classes") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                String module = module(controller.getPackageName());
                controller.getDirectDependenciesFromSelf().forEach(dependency -> {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith("kz.qalqan.") && isWeb(target) && !module.equals(module(target))
                            && !module(target).equals("platform")) {
                        events.add(SimpleConditionEvent.violated(controller, dependency.getDescription()));
                    }
                });
            }
        };
    }

    private static boolean isWeb(String packageName) {
        return packageName.equals("kz.qalqan.web") || packageName.contains(".web.") || packageName.endsWith(".web");
    }

    static String module(String packageName) {
        String rest = packageName.substring("kz.qalqan.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
