package dev.panorama.devstack.junit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestNamespaceTest {

    static class A_Very_Long_Test_Class_Name_That_Goes_On_And_On_ForeverIT {
    }

    @Test
    void namesAreValidForEveryEngine() {
        TestNamespace namespace = TestNamespace.forClass(A_Very_Long_Test_Class_Name_That_Goes_On_And_On_ForeverIT.class);

        assertThat(namespace.index("Orders")).matches("[a-z][a-z0-9-]*").hasSizeLessThan(64);
        assertThat(namespace.database("views")).matches("[a-z][a-z0-9_]*").hasSizeLessThan(64);
        assertThat(namespace.topic("ftgo.order.events")).matches("[a-z0-9.]+").hasSizeLessThan(250);
    }

    @Test
    void twoClassesNeverShareAPrefix() {
        assertThat(TestNamespace.forClass(TestNamespaceTest.class))
            .isNotEqualTo(TestNamespace.forClass(TestNamespaceTest.class));
    }

    @Test
    void rejectsAPrefixThatSomeEngineWouldRefuse() {
        assertThatThrownBy(() -> new TestNamespace("Upper-Case"))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
