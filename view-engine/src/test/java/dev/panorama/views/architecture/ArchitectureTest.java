package dev.panorama.viewbuilder.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Projections and states are pure, so that the live builder and the rebuild tool run the same code. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.panorama.viewbuilder");
    }

    @Test
    void projectionsAndStatesUseNoFrameworkNoDriverAndNoAdapter() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..viewbuilder.projection..", "..viewbuilder.state..", "..viewbuilder.event..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "co.elastic..",
                "org.apache.kafka..", "..viewbuilder.adapter..", "..viewbuilder.runtime..")
            .allowEmptyShould(false);
        rule.check(classes);
    }

    @Test
    void projectionsAndStatesDoNotParseJson() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..viewbuilder.projection..", "..viewbuilder.state..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.networknt..")
            .allowEmptyShould(false);
        rule.check(classes);
    }
}
