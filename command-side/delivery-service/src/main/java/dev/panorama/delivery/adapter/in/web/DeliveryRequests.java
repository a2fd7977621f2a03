package dev.panorama.delivery.adapter.in.web;

import dev.panorama.delivery.domain.Address;
import dev.panorama.delivery.domain.Courier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** The request bodies, validated with Bean Validation so that a client sees every field error at once. */
final class DeliveryRequests {

    private DeliveryRequests() {
    }

    /** @param readyBy RFC 3339 with an offset, e.g. {@code 2026-11-08T19:30:00Z}; kept to the microsecond */
    record ScheduleDeliveryRequest(@NotNull UUID orderId,
                                   @NotNull UUID restaurantId,
                                   @NotNull @Valid AddressBody deliveryAddress,
                                   @NotNull Instant readyBy) {
    }

    record AssignCourierRequest(@NotBlank @Size(max = Courier.MAX_ID_LENGTH) String courierId,
                                @NotBlank @Size(max = Courier.MAX_NAME_LENGTH) String courierName) {

        Courier toCourier() {
            return new Courier(courierId, courierName);
        }
    }

    record AddressBody(@NotBlank @Size(max = 200) String street1,
                       @Size(max = 200) String street2,
                       @NotBlank @Size(max = 100) String city,
                       @NotBlank @Size(max = 20) String postalCode,
                       @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US") String country) {

        Address toAddress() {
            return new Address(street1, street2, city, postalCode, country);
        }
    }
}
