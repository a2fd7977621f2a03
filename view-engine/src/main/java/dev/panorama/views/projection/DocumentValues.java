package dev.panorama.views.projection;

import dev.panorama.views.event.Values.LineItem;
import dev.panorama.views.event.Values.Money;
import dev.panorama.views.state.DeliveryState;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Value shapes shared by view documents: money as a decimal string, line items, the delivery summary. */
public final class DocumentValues {

    private DocumentValues() {
    }

    public record Amount(String amount, String currency) {

        static Amount of(Money money) {
            return money == null ? null : new Amount(money.amountText(), money.currency());
        }
    }

    public record Line(String menuItemId, String name, int quantity, Amount unitPrice, Amount total) {

        static List<Line> of(List<LineItem> items) {
            return items.stream()
                .map(item -> new Line(item.menuItemId(), item.name(), item.quantity(), Amount.of(item.unitPrice()), Amount.of(item.total())))
                .toList();
        }
    }

    public record Milestone(String status, Instant at) {
    }

    /** The delivery of an order as views show it; the most recently scheduled one when there were several. */
    public record Delivery(String deliveryId, String status, String courierId, String courierName, Instant readyBy,
                           List<Milestone> timeline) {

        static Delivery of(DeliveryState state) {
            return new Delivery(state.id(), state.status().name(), state.courierId(), state.courierName(), state.readyBy(),
                state.timeline().stream().map(m -> new Milestone(m.status().name(), m.at())).toList());
        }

        public Instant at(String status) {
            return timeline.stream().filter(m -> m.status().equals(status)).map(Milestone::at).findFirst().orElse(null);
        }
    }

    static java.util.Optional<DeliveryState> latest(List<DeliveryState> deliveries) {
        return deliveries.stream().max(Comparator.comparing((DeliveryState d) -> d.timeline().getFirst().at()).thenComparing(DeliveryState::id));
    }
}
