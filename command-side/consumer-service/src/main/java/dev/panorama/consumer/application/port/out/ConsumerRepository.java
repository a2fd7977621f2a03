package dev.panorama.consumer.application.port.out;

import dev.panorama.consumer.domain.Consumer;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.Email;

import java.util.Optional;

public interface ConsumerRepository {

    Optional<Consumer> findById(ConsumerId consumerId);

    /** Whether a consumer has this address, compared without regard to case. */
    boolean isEmailRegistered(Email email);

    /**
     * Stores the consumer's pending change, provided the store still holds {@link Consumer#storedVersion()}.
     *
     * @return the version now stored
     * @throws org.springframework.dao.OptimisticLockingFailureException when another change came first
     */
    long save(Consumer consumer);
}
