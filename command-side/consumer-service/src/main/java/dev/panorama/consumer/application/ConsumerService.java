package dev.panorama.consumer.application;

import dev.panorama.consumer.application.port.in.ChangeConsumerAddressCommand;
import dev.panorama.consumer.application.port.in.ChangeConsumerAddressUseCase;
import dev.panorama.consumer.application.port.in.ConsumerNotFoundException;
import dev.panorama.consumer.application.port.in.ConsumerVersion;
import dev.panorama.consumer.application.port.in.CorrelationId;
import dev.panorama.consumer.application.port.in.EmailAlreadyRegisteredException;
import dev.panorama.consumer.application.port.in.GetConsumerQuery;
import dev.panorama.consumer.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.consumer.application.port.in.RegisterConsumerCommand;
import dev.panorama.consumer.application.port.in.RegisterConsumerUseCase;
import dev.panorama.consumer.application.port.in.RenameConsumerCommand;
import dev.panorama.consumer.application.port.in.RenameConsumerUseCase;
import dev.panorama.consumer.application.port.in.StaleConsumerVersionException;
import dev.panorama.consumer.application.port.out.ConsumerEventPublisher;
import dev.panorama.consumer.application.port.out.ConsumerRepository;
import dev.panorama.consumer.application.port.out.IdempotencyKeys;
import dev.panorama.consumer.application.port.out.IdempotencyKeys.RememberedRegistration;
import dev.panorama.consumer.domain.Consumer;
import dev.panorama.consumer.domain.ConsumerId;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * The consumer use cases. Each command loads, changes and saves one consumer and appends its event in
 * one transaction, so the stored version and the published {@code aggregateVersion} cannot disagree.
 */
@Transactional
public class ConsumerService implements RegisterConsumerUseCase, RenameConsumerUseCase, ChangeConsumerAddressUseCase,
    GetConsumerQuery {

    private final ConsumerRepository consumers;
    private final ConsumerEventPublisher events;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public ConsumerService(ConsumerRepository consumers, ConsumerEventPublisher events, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.consumers = consumers;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    @Override
    public ConsumerVersion register(RegisterConsumerCommand command) {
        ConsumerId id = ConsumerId.random();
        if (command.idempotencyKey().isPresent()) {
            // A registration always produces version 1, so the answer is known before the work is done;
            // claiming the key first makes a concurrent retry wait for this transaction instead of racing it.
            ConsumerVersion candidate = new ConsumerVersion(id, 1);
            RememberedRegistration remembered = idempotencyKeys.remember(command.idempotencyKey().get(), command.fingerprint(), candidate);
            if (!remembered.result().equals(candidate)) {
                if (!remembered.fingerprint().equals(command.fingerprint())) {
                    throw new IdempotencyKeyReusedException(command.idempotencyKey().get());
                }
                return remembered.result();
            }
        }
        if (consumers.isEmailRegistered(command.email())) {
            throw new EmailAlreadyRegisteredException(command.email());
        }
        return save(Consumer.register(id, command.name(), command.email(), command.address(), clock.instant()), command.correlationId());
    }

    @Override
    public ConsumerVersion rename(RenameConsumerCommand command) {
        Consumer consumer = load(command.consumerId(), command.expectedVersion());
        consumer.rename(command.name(), clock.instant());
        return save(consumer, command.correlationId());
    }

    @Override
    public ConsumerVersion changeAddress(ChangeConsumerAddressCommand command) {
        Consumer consumer = load(command.consumerId(), command.expectedVersion());
        consumer.changeAddress(command.address(), clock.instant());
        return save(consumer, command.correlationId());
    }

    @Override
    @Transactional(readOnly = true)
    public ConsumerSnapshot get(ConsumerId consumerId) {
        Consumer consumer = consumers.findById(consumerId).orElseThrow(() -> new ConsumerNotFoundException(consumerId));
        return new ConsumerSnapshot(consumer.id(), consumer.name(), consumer.email(), consumer.address(), consumer.version());
    }

    private Consumer load(ConsumerId consumerId, OptionalLong expectedVersion) {
        Consumer consumer = consumers.findById(consumerId).orElseThrow(() -> new ConsumerNotFoundException(consumerId));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != consumer.version()) {
            throw new StaleConsumerVersionException(consumerId, expectedVersion.getAsLong(), consumer.version());
        }
        return consumer;
    }

    /** A consumer with nothing pending (a no-op command) is not written and keeps its version. */
    private ConsumerVersion save(Consumer consumer, CorrelationId correlationId) {
        if (consumer.pendingEvents().isEmpty()) {
            return new ConsumerVersion(consumer.id(), consumer.version());
        }
        long stored = consumers.save(consumer);
        if (stored != consumer.version()) {
            // Rolls back: an event whose aggregateVersion differs from the stored version would break the no-gap rule.
            throw new IllegalStateException("consumer " + consumer.id() + " stored at version " + stored + ", its event says " + consumer.version());
        }
        events.publish(consumer.pendingEvents(), correlationId);
        return new ConsumerVersion(consumer.id(), stored);
    }
}
