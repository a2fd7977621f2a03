package dev.panorama.consumer.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueTypesTest {

    @Test
    void aNameNeedsBothPartsWithinTheSchemaLimit() {
        assertThatThrownBy(() -> new PersonName(" ", "Lovelace")).isInstanceOf(InvalidValueException.class).hasMessageContaining("firstName");
        assertThatThrownBy(() -> new PersonName("Ada", null)).isInstanceOf(InvalidValueException.class).hasMessageContaining("lastName");
        assertThatThrownBy(() -> new PersonName("A".repeat(101), "Lovelace")).isInstanceOf(InvalidValueException.class);
        assertThat(new PersonName("A".repeat(100), "L").firstName()).hasSize(100);
    }

    @Test
    void anEmailHasOneAtSignAndADomain() {
        assertThat(new Email("ada@example.org").value()).isEqualTo("ada@example.org");
        assertThatThrownBy(() -> new Email("ada.example.org")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Email("ada@localhost")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Email("a@" + "b".repeat(250) + ".org")).isInstanceOf(InvalidValueException.class);
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
