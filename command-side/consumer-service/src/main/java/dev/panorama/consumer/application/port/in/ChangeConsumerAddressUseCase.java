package dev.panorama.consumer.application.port.in;

public interface ChangeConsumerAddressUseCase {

    /**
     * Changing to the current address changes nothing and answers the current version.
     *
     * @throws ConsumerNotFoundException when there is no such consumer
     * @throws StaleConsumerVersionException when the expected version is not the current one
     */
    ConsumerVersion changeAddress(ChangeConsumerAddressCommand command);
}
