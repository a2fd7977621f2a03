package dev.panorama.consumer.application.port.in;

public interface RegisterConsumerUseCase {

    /**
     * @throws EmailAlreadyRegisteredException when another consumer has this e-mail address
     * @throws IdempotencyKeyReusedException when the key was used for a different registration
     */
    ConsumerVersion register(RegisterConsumerCommand command);
}
