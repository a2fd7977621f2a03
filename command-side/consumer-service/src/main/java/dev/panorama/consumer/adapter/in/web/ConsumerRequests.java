package dev.panorama.consumer.adapter.in.web;

import dev.panorama.consumer.domain.Address;
import dev.panorama.consumer.domain.PersonName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies, validated with Bean Validation so that a client sees every field error at once. */
final class ConsumerRequests {

    private ConsumerRequests() {
    }

    record RegisterConsumerRequest(@NotNull @Valid NameBody name,
                                   @NotBlank @Email @Size(max = 254) String email,
                                   @NotNull @Valid AddressBody address) {
    }

    record NameBody(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName) {

        PersonName toPersonName() {
            return new PersonName(firstName, lastName);
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
