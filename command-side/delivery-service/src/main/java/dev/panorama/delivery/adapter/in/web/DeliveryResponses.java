package dev.panorama.delivery.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.panorama.delivery.application.port.in.DeliveryVersion;
import dev.panorama.delivery.application.port.in.GetDeliveryQuery.DeliverySnapshot;
import dev.panorama.delivery.domain.Address;
import dev.panorama.delivery.domain.Courier;

import java.time.Instant;
import java.util.UUID;

final class DeliveryResponses {

    private DeliveryResponses() {
    }

    /** The answer to every successful command; {@code version} is the consistency token. */
    record CommandResponse(UUID deliveryId, long version) {

        static CommandResponse of(DeliveryVersion result) {
            return new CommandResponse(result.deliveryId().value(), result.version());
        }
    }

    /** Times as RFC 3339 strings in UTC, as the events carry them; fields a state has not reached are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryResponse(UUID deliveryId, long version, String status, UUID orderId, UUID restaurantId, AddressResponse deliveryAddress,
                            String readyBy, CourierResponse courier, String pickedUpAt, String deliveredAt) {

        static DeliveryResponse of(DeliverySnapshot delivery) {
            Address address = delivery.deliveryAddress();
            return new DeliveryResponse(delivery.deliveryId().value(), delivery.version(), delivery.status().name(), delivery.orderId().value(),
                delivery.restaurantId().value(),
                new AddressResponse(address.street1(), address.street2(), address.city(), address.postalCode(), address.country()),
                delivery.readyBy().toString(), delivery.courier().map(CourierResponse::of).orElse(null),
                delivery.pickedUpAt().map(Instant::toString).orElse(null), delivery.deliveredAt().map(Instant::toString).orElse(null));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddressResponse(String street1, String street2, String city, String postalCode, String country) {
    }

    record CourierResponse(String courierId, String courierName) {

        static CourierResponse of(Courier courier) {
            return new CourierResponse(courier.courierId(), courier.name());
        }
    }
}
