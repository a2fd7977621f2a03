package dev.panorama.snapshot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The format is plain Java and Jackson; JDBC lives in {@code jdbc}, Spring only in {@code spring}. */
class SnapshotArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.panorama.snapshot");

    @Test
    void theFormatUsesNoFrameworkNorJdbc() {
        noClasses().that().resideInAPackage("dev.panorama.snapshot")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                "dev.panorama.snapshot.jdbc..", "dev.panorama.snapshot.spring..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }

    @Test
    void onlyTheSpringPackageKnowsSpring() {
        noClasses().that().resideOutsideOfPackage("dev.panorama.snapshot.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }
}
