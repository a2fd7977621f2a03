package dev.panorama.consumer.application.port.in;

public interface RenameConsumerUseCase {

    /**
     * Renaming to the current name changes nothing and answers the current version.
     *
     * @throws ConsumerNotFoundException when there is no such consumer
     * @throws StaleConsumerVersionException when the expected version is not the current one
     */
    ConsumerVersion rename(RenameConsumerCommand command);
}
