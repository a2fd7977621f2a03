package dev.panorama.consumer.adapter.in.web;

import dev.panorama.consumer.application.port.in.ConsumerVersion;
import dev.panorama.consumer.application.port.in.GetConsumerQuery.ConsumerSnapshot;
import dev.panorama.consumer.domain.Address;

import java.util.UUID;

final class ConsumerResponses {

    private ConsumerResponses() {
    }

    /** The answer to every successful command; {@code version} is the consistency token. */
    record CommandResponse(UUID consumerId, long version) {

        static CommandResponse of(ConsumerVersion result) {
            return new CommandResponse(result.consumerId().value(), result.version());
        }
    }

    record ConsumerResponse(UUID consumerId, long version, NameResponse name, String email, AddressResponse address) {

        static ConsumerResponse of(ConsumerSnapshot consumer) {
            Address address = consumer.address();
            return new ConsumerResponse(consumer.consumerId().value(), consumer.version(),
                new NameResponse(consumer.name().firstName(), consumer.name().lastName()), consumer.email().value(),
                new AddressResponse(address.street1(), address.street2(), address.city(), address.postalCode(), address.country()));
        }
    }

    record NameResponse(String firstName, String lastName) {
    }

    record AddressResponse(String street1, String street2, String city, String postalCode, String country) {
    }
}
