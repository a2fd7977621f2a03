package dev.panorama.queryapi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Hexagonal dependency direction: the application knows no framework, driver or adapter (the view engine's
 * rules it may use, not its adapters); adapters do not know each other.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.panorama.queryapi");
    }

    @Test
    void applicationUsesNoFrameworkNoDriverAndNoAdapter() {
        noClasses().that().resideInAPackage("dev.panorama.queryapi.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.mongodb..", "org.bson..",
                "co.elastic..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml..", "io.micrometer..",
                "dev.panorama.queryapi.adapter..", "dev.panorama.queryapi.config..", "dev.panorama.views.adapter..")
            .allowEmptyShould(false)
            .check(classes);
    }

    @Test
    void webAdapterReachesTheApplicationOnlyThroughIncomingPortsAndItsValues() {
        noClasses().that().resideInAPackage("dev.panorama.queryapi.adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.panorama.queryapi.application.port.out..",
                "dev.panorama.queryapi.adapter.out..", "com.mongodb..", "co.elastic..", "org.apache.kafka..")
            .allowEmptyShould(false)
            .check(classes);
    }

    @Test
    void outgoingAdaptersDoNotKnowIncomingAdaptersOrEachOther() {
        noClasses().that().resideInAPackage("dev.panorama.queryapi.adapter.out.mongo..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.panorama.queryapi.adapter.in..", "dev.panorama.queryapi.adapter.out.elasticsearch..",
                "dev.panorama.queryapi.adapter.out.kafka..", "co.elastic..", "org.apache.kafka..")
            .allowEmptyShould(false)
            .check(classes);
        noClasses().that().resideInAPackage("dev.panorama.queryapi.adapter.out.elasticsearch..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.panorama.queryapi.adapter.in..", "dev.panorama.queryapi.adapter.out.mongo..",
                "dev.panorama.queryapi.adapter.out.kafka..", "com.mongodb..", "org.apache.kafka..")
            .allowEmptyShould(false)
            .check(classes);
        noClasses().that().resideInAPackage("dev.panorama.queryapi.adapter.out.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.panorama.queryapi.adapter.in..", "dev.panorama.queryapi.adapter.out.mongo..",
                "dev.panorama.queryapi.adapter.out.elasticsearch..", "com.mongodb..", "co.elastic..")
            .allowEmptyShould(false)
            .check(classes);
    }

    @Test
    void noAdapterBuildsMongoFiltersFromParsedJson() {
        noClasses().that().resideInAPackage("dev.panorama.queryapi..")
            .should().callMethod(org.bson.Document.class, "parse", String.class)
            .orShould().callMethod(org.bson.BsonDocument.class, "parse", String.class)
            .allowEmptyShould(false)
            .check(classes);
    }
}
