package dev.panorama.order.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.panorama.order.application.port.in.GetOrderQuery.OrderSnapshot;
import dev.panorama.order.application.port.in.OrderVersion;
import dev.panorama.order.domain.Address;
import dev.panorama.order.domain.Money;
import dev.panorama.order.domain.OrderStatus;
import dev.panorama.order.domain.Reason;

import java.util.List;
import java.util.UUID;

final class OrderResponses {

    private OrderResponses() {
    }

    /** The answer to every successful command; {@code version} is the consistency token. */
    record CommandResponse(UUID orderId, long version) {

        static CommandResponse of(OrderVersion result) {
            return new CommandResponse(result.orderId().value(), result.version());
        }
    }

    /**
     * The order in the shape the events give it, with its status; {@code rejectionReason} or
     * {@code cancellationReason} only in those states, an absent second street line left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderResponse(UUID orderId, long version, String status, UUID consumerId, UUID restaurantId, List<LineItemResponse> lineItems,
                         MoneyResponse orderTotal, AddressResponse deliveryAddress, String deliverAt, String rejectionReason,
                         String cancellationReason) {

        static OrderResponse of(OrderSnapshot order) {
            Address address = order.deliveryAddress();
            String reason = order.reason().map(Reason::value).orElse(null);
            return new OrderResponse(order.orderId().value(), order.version(), order.status().name(), order.consumerId().value(),
                order.restaurantId().value(),
                order.lineItems().items().stream()
                    .map(item -> new LineItemResponse(item.menuItemId().value(), item.name(), item.quantity(), MoneyResponse.of(item.unitPrice())))
                    .toList(),
                MoneyResponse.of(order.lineItems().total()),
                new AddressResponse(address.street1(), address.street2(), address.city(), address.postalCode(), address.country()),
                order.deliverAt().toString(),
                order.status() == OrderStatus.REJECTED ? reason : null,
                order.status() == OrderStatus.CANCELLED ? reason : null);
        }
    }

    record LineItemResponse(String menuItemId, String name, int quantity, MoneyResponse unitPrice) {
    }

    record MoneyResponse(String amount, String currency) {

        static MoneyResponse of(Money money) {
            return new MoneyResponse(money.amount(), money.currency());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddressResponse(String street1, String street2, String city, String postalCode, String country) {
    }
}
