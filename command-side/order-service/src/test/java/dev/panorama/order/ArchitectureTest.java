package dev.panorama.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.panorama.servicetesting.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.panorama.servicetesting.ArchitectureRules.doesNotUse;

/**
 * The hexagon's dependency direction: domain knows nothing, application knows no adapter. The order service
 * alone has two incoming adapters, web and messaging, and alone talks to Kafka beyond its outbox.
 */
class ArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("dev.panorama.order");
    private static final JavaClasses CLASSES = RULES.productionClasses();

    @Test
    void theDomainUsesNoFrameworkDriverOrOtherLayer() {
        RULES.domainUsesNoFrameworkDriverOrOtherLayer().check(CLASSES);
    }

    @Test
    void theApplicationUsesNoAdapterNorTheOutboxLibraryNorKafka() {
        RULES.applicationUsesNoAdapterNorTheOutboxLibraryNorKafka().check(CLASSES);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        RULES.adaptersDoNotUseEachOther().check(CLASSES);
    }

    @Test
    void theIncomingAdaptersDoNotUseEachOther() {
        doesNotUse("..adapter.in.web..", "..adapter.in.messaging..").check(CLASSES);
        doesNotUse("..adapter.in.messaging..", "..adapter.in.web..").check(CLASSES);
    }

    @Test
    void onlyTheMessagingAdaptersTalkToKafka() {
        noClasses().that().resideOutsideOfPackages("..adapter.in.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
            .allowEmptyShould(false)
            .check(CLASSES);
    }
}
