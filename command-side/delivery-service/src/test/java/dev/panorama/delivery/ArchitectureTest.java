package dev.panorama.delivery;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.panorama.servicetesting.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency direction: domain knows nothing, application knows no adapter. */
class ArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("dev.panorama.delivery");
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
}
