package dev.panorama.outbox;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core (events, ports, relay) is plain Java: no framework, no driver, no broker client. Adapters
 * know their technology and nothing of Spring; only the Spring package knows Spring.
 */
class OutboxArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.panorama.outbox");

    @Test
    void coreUsesNoFrameworkDriverOrBrokerClient() {
        noClasses().that().resideInAnyPackage("dev.panorama.outbox", "dev.panorama.outbox.relay")
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework..", "org.postgresql..", "org.apache.kafka..", "io.micrometer..", "java.sql..", "javax.sql..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void coreKnowsNoAdapter() {
        noClasses().that().resideInAnyPackage("dev.panorama.outbox", "dev.panorama.outbox.relay")
            .should().dependOnClassesThat().resideInAnyPackage(
                "dev.panorama.outbox.jdbc..", "dev.panorama.outbox.kafka..", "dev.panorama.outbox.micrometer..", "dev.panorama.outbox.spring..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void onlyTheSpringPackageKnowsSpring() {
        noClasses().that().resideOutsideOfPackage("dev.panorama.outbox.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("dev.panorama.outbox.jdbc..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.panorama.outbox.kafka..", "dev.panorama.outbox.micrometer..")
            .allowEmptyShould(false)
            .check(CLASSES);
        noClasses().that().resideInAPackage("dev.panorama.outbox.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.panorama.outbox.jdbc..", "dev.panorama.outbox.micrometer..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }
}
