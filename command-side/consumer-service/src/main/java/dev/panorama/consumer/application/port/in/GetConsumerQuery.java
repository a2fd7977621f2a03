package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.Address;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.Email;
import dev.panorama.consumer.domain.PersonName;

/** The consumer as the command side knows it; queries proper belong to the views. */
public interface GetConsumerQuery {

    /** @throws ConsumerNotFoundException when there is no such consumer */
    ConsumerSnapshot get(ConsumerId consumerId);

    record ConsumerSnapshot(ConsumerId consumerId, PersonName name, Email email, Address address, long version) {
    }
}
