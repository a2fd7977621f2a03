package dev.panorama.servicetesting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The hexagon's dependency direction as every command service lays it out under its root package
 * ({@code domain}, {@code application}, {@code adapter.in|out}): the domain knows nothing, the application
 * knows no adapter, adapters do not use each other. Every rule fails on an empty should, so a renamed
 * package cannot make it pass by checking nothing.
 */
public final class ArchitectureRules {

    private final String root;

    /** @param rootPackage the service's root package, {@code dev.panorama.consumer} */
    public ArchitectureRules(String rootPackage) {
        this.root = rootPackage;
    }

    /** The service's production classes, without its tests. */
    public JavaClasses productionClasses() {
        return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);
    }

    public ArchRule domainUsesNoFrameworkDriverOrOtherLayer() {
        return noClasses().that().resideInAPackage(root + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "java.sql..",
                "org.apache.kafka..", "dev.panorama.outbox..", root + ".application..", root + ".adapter..")
            .allowEmptyShould(false);
    }

    public ArchRule applicationUsesNoAdapterNorTheOutboxLibraryNorKafka() {
        return noClasses().that().resideInAPackage(root + ".application..")
            .should().dependOnClassesThat().resideInAnyPackage(root + ".adapter..", "dev.panorama.outbox..", "org.springframework.web..",
                "org.springframework.data..", "org.springframework.jdbc..", "org.springframework.kafka..", "org.apache.kafka..", "tools.jackson..")
            .allowEmptyShould(false);
    }

    /** Incoming adapters use no outgoing one, and persistence does not publish. */
    public ArchRule adaptersDoNotUseEachOther() {
        return CompositeArchRule.of(doesNotUse(root + ".adapter.in..", root + ".adapter.out.."))
            .and(doesNotUse(root + ".adapter.out.persistence..", root + ".adapter.out.messaging.."));
    }

    /** No class in {@code from} uses a class in {@code to}; {@code from} must hold classes. */
    public static ArchRule doesNotUse(String from, String to) {
        return noClasses().that().resideInAPackage(from)
            .should().dependOnClassesThat().resideInAPackage(to)
            .allowEmptyShould(false);
    }
}
