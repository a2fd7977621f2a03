package dev.panorama.delivery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hexagon's dependency direction: domain knows nothing, application knows no adapter. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.panorama.delivery");

    @Test
    void theDomainUsesNoFrameworkDriverOrOtherLayer() {
        noClasses().that().resideInAPackage("..delivery.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "java.sql..",
                "dev.panorama.outbox..", "..delivery.application..", "..delivery.adapter..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void theApplicationUsesNoAdapterNorTheOutboxLibrary() {
        noClasses().that().resideInAPackage("..delivery.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..delivery.adapter..", "dev.panorama.outbox..", "org.springframework.web..",
                "org.springframework.data..", "org.springframework.jdbc..", "tools.jackson..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        noClasses().that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..")
            .allowEmptyShould(false)
            .check(CLASSES);
        noClasses().that().resideInAPackage("..adapter.out.persistence..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out.messaging..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }
}
