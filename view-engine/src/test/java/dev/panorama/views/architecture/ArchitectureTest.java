package dev.panorama.views.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Projections and states are pure, so that the live builder and the rebuild tool run the same code; the version rules speak through ports. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.panorama.views");
    }

    @Test
    void projectionsAndStatesUseNoFrameworkNoDriverAndNoAdapter() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..views.projection..", "..views.state..", "..views.event..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "co.elastic..",
                "org.apache.kafka..", "..views.adapter..", "..views.runtime..")
            .allowEmptyShould(false);
        rule.check(classes);
    }

    @Test
    void theRuntimeKnowsItsStoresOnlyThroughItsPorts() {
        ArchRule rule = noClasses().that().resideInAPackage("..views.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "co.elastic..",
                "org.apache.kafka..", "..views.adapter..")
            .allowEmptyShould(false);
        rule.check(classes);
    }

    @Test
    void theVersionRulesKnowTheirStoresOnlyThroughTheirPorts() {
        ArchRule rule = noClasses().that().resideInAPackage("..views.versions..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "co.elastic..",
                "org.apache.kafka..", "..views.adapter..")
            .allowEmptyShould(false);
        rule.check(classes);
    }

    @Test
    void nothingHereNeedsAFramework() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .allowEmptyShould(false);
        rule.check(classes);
    }

    /** The Kafka client is a driver like MongoDB's: only the redrive, an adapter of its own, speaks to Kafka. */
    @Test
    void onlyTheKafkaAdapterKnowsKafka() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("..views.adapter.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..")
            .allowEmptyShould(false);
        rule.check(classes);
    }

    @Test
    void projectionsAndStatesDoNotParseJson() {
        ArchRule rule = noClasses().that().resideInAnyPackage("..views.projection..", "..views.state..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.networknt..")
            .allowEmptyShould(false);
        rule.check(classes);
    }
}
