package dev.panorama.views.event;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SharedStringsTest {

    @Test
    void anEqualValueReadAgainIsTheInstanceReadFirst() {
        String first = SharedStrings.of(new String("Pizza Margherita-" + 41));
        String again = SharedStrings.of(new String("Pizza Margherita-" + 41));

        assertThat(again).isSameAs(first);
        assertThat(SharedStrings.of(null)).isNull();
    }

    @Test
    void holdsABoundedNumberOfValuesAndNeverChangesOne() {
        // Far more values than slots: each comes back equal, whether or not it is shared.
        IntStream.range(0, 200_000).mapToObj(i -> "menu-item-" + i)
            .forEach(value -> assertThat(SharedStrings.of(new String(value))).isEqualTo(value));
    }

    @Test
    void menusAndLineItemsReadFromEventsShareTheirText() throws IOException {
        EventReader reader = new EventReader();
        byte[] created;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("panorama/schemas/examples/valid/order/OrderCreated.v1.json")) {
            created = in.readAllBytes();
        }

        DomainEvent.OrderCreated one = (DomainEvent.OrderCreated) ((ReadResult.Accepted) reader.read(created)).event();
        DomainEvent.OrderCreated two = (DomainEvent.OrderCreated) ((ReadResult.Accepted) reader.read(created)).event();

        assertThat(two.lineItems().getFirst().name()).isSameAs(one.lineItems().getFirst().name());
        assertThat(two.consumerId()).isSameAs(one.consumerId());
        assertThat(two.orderTotal().currency()).isSameAs(one.orderTotal().currency());
        assertThat(two.orderId()).as("an order's own id is not shared").isNotSameAs(one.orderId());
    }
}
