package dev.panorama.rebuild;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.panorama.rebuild.cli.RebuildToolMain;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The archive format is plain Java: no broker client, no framework, no command line, so that the
 * rebuild and any other reader can use it anywhere. The archiver knows Kafka but not the command line.
 */
class RebuildToolArchitectureTest {

    /** This module's main classes only, from where they were compiled: scanning the whole class path takes seconds. */
    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importUrl(RebuildToolMain.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void theArchiveFormatKnowsNoKafkaNoSpringAndNoCommandLine() {
        noClasses().that().resideInAPackage("dev.panorama.rebuild.archive..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.apache.kafka..", "org.springframework..", "picocli..", "dev.panorama.rebuild.archiver..", "dev.panorama.rebuild.cli..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void theArchiverKnowsNoCommandLine() {
        noClasses().that().resideInAPackage("dev.panorama.rebuild.archiver..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.panorama.rebuild.cli..", "org.springframework..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void theRebuildKnowsNoCommandLineAndNoFramework() {
        noClasses().that().resideInAnyPackage("dev.panorama.rebuild.replay..", "dev.panorama.rebuild.switchover..", "dev.panorama.rebuild.views..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "dev.panorama.rebuild.cli..", "org.springframework..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void theFoldAndTheComparisonTouchNoStoreDriver() {
        noClasses().that().resideInAPackage("dev.panorama.rebuild.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..", "co.elastic..", "org.apache.kafka..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }
}
