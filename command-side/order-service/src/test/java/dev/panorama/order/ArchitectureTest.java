package dev.panorama.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The hexagon's dependency direction: domain knows nothing, application knows no adapter. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.panorama.order");

    @Test
    void theDomainUsesNoFrameworkDriverOrOtherLayer() {
        noClasses().that().resideInAPackage("..order.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "java.sql..",
                "org.apache.kafka..", "dev.panorama.outbox..", "..order.application..", "..order.adapter..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void theApplicationUsesNoAdapterNorTheOutboxLibraryNorKafka() {
        noClasses().that().resideInAPackage("..order.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.adapter..", "dev.panorama.outbox..", "org.springframework.web..",
                "org.springframework.data..", "org.springframework.jdbc..", "org.springframework.kafka..", "org.apache.kafka..", "tools.jackson..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        noClasses().that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..")
            .allowEmptyShould(false)
            .check(CLASSES);
        noClasses().that().resideInAPackage("..adapter.in.web..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.in.messaging..")
            .allowEmptyShould(false)
            .check(CLASSES);
        noClasses().that().resideInAPackage("..adapter.in.messaging..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.in.web..")
            .allowEmptyShould(false)
            .check(CLASSES);
        noClasses().that().resideInAPackage("..adapter.out.persistence..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out.messaging..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void onlyTheMessagingAdaptersTalkToKafka() {
        noClasses().that().resideOutsideOfPackages("..adapter.in.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }
}
