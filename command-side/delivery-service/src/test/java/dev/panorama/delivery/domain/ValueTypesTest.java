package dev.panorama.delivery.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

    @Test
    void aCourierNeedsAnIdAndANameWithinTheSchemaLimits() {
        assertThatThrownBy(() -> new Courier(" ", "Grace Hopper")).isInstanceOf(InvalidValueException.class).hasMessageContaining("courierId");
        assertThatThrownBy(() -> new Courier("c", null)).isInstanceOf(InvalidValueException.class).hasMessageContaining("courierName");
        assertThatThrownBy(() -> new Courier("c".repeat(65), "Grace")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Courier("c", "n".repeat(201))).isInstanceOf(InvalidValueException.class);
        assertThat(new Courier("c".repeat(64), "n".repeat(200)).courierId()).hasSize(64);
    }

    @Test
    void anAddressNeedsAnIsoCountryCode() {
        assertThatThrownBy(() -> new Address("1 Main Street", null, "Oakland", "94612", "us")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Address("1 Main Street", null, "Oakland", "94612", "USA")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aBlankSecondStreetLineIsNoSecondStreetLine() {
        assertThat(new Address("1 Main Street", "  ", "Oakland", "94612", "US"))
            .isEqualTo(new Address("1 Main Street", null, "Oakland", "94612", "US"));
    }

    @Test
    void anAddressRefusesMissingRequiredParts() {
        assertThatThrownBy(() -> new Address("", null, "Oakland", "94612", "US")).hasMessageContaining("street1");
        assertThatThrownBy(() -> new Address("1 Main Street", null, "", "94612", "US")).hasMessageContaining("city");
        assertThatThrownBy(() -> new Address("1 Main Street", null, "Oakland", "1".repeat(21), "US")).hasMessageContaining("postalCode");
    }
}
