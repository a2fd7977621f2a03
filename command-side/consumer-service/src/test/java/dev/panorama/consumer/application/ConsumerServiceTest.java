package dev.panorama.consumer.application;

import dev.panorama.consumer.application.port.in.ChangeConsumerAddressCommand;
import dev.panorama.consumer.application.port.in.ConsumerNotFoundException;
import dev.panorama.consumer.application.port.in.ConsumerVersion;
import dev.panorama.consumer.application.port.in.CorrelationId;
import dev.panorama.consumer.application.port.in.EmailAlreadyRegisteredException;
import dev.panorama.consumer.application.port.in.IdempotencyKey;
import dev.panorama.consumer.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.consumer.application.port.in.RegisterConsumerCommand;
import dev.panorama.consumer.application.port.in.RenameConsumerCommand;
import dev.panorama.consumer.application.port.in.StaleConsumerVersionException;
import dev.panorama.consumer.application.port.out.ConsumerEventPublisher;
import dev.panorama.consumer.application.port.out.ConsumerRepository;
import dev.panorama.consumer.application.port.out.IdempotencyKeys;
import dev.panorama.consumer.domain.Consumer;
import dev.panorama.consumer.domain.ConsumerAddressChanged;
import dev.panorama.consumer.domain.ConsumerEvent;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.ConsumerRegistered;
import dev.panorama.consumer.domain.ConsumerRenamed;
import dev.panorama.consumer.domain.Email;
import dev.panorama.consumer.domain.PersonName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.panorama.consumer.domain.ConsumerFixtures.NOW;
import static dev.panorama.consumer.domain.ConsumerFixtures.adaEmail;
import static dev.panorama.consumer.domain.ConsumerFixtures.adaLovelace;
import static dev.panorama.consumer.domain.ConsumerFixtures.harbourRoad;
import static dev.panorama.consumer.domain.ConsumerFixtures.mainStreet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases against in-memory ports that behave like the store (version 1 on insert, +1 per update). */
class ConsumerServiceTest {

    private static final CorrelationId CORRELATION = new CorrelationId("request-1");

    private final InMemoryConsumers consumers = new InMemoryConsumers();
    private final List<ConsumerEvent> published = new ArrayList<>();
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final ConsumerService service = new ConsumerService(consumers, (events, correlation) -> published.addAll(events), keys,
        Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void registersAtVersionOneAndPublishesTheRegistration() {
        ConsumerVersion result = service.register(registration(Optional.empty()));

        assertThat(result.version()).isEqualTo(1);
        assertThat(published).singleElement().isInstanceOfSatisfying(ConsumerRegistered.class,
            event -> assertThat(event.consumerId()).isEqualTo(result.consumerId()));
    }

    @Test
    void eachChangeRaisesTheVersionByOneAndPublishesOneEventWithThatVersion() {
        ConsumerId id = service.register(registration(Optional.empty())).consumerId();

        ConsumerVersion renamed = service.rename(new RenameConsumerCommand(id, new PersonName("Ada", "King"), OptionalLong.of(1), CORRELATION));
        ConsumerVersion moved = service.changeAddress(new ChangeConsumerAddressCommand(id, harbourRoad(), OptionalLong.empty(), CORRELATION));

        assertThat(renamed.version()).isEqualTo(2);
        assertThat(moved.version()).isEqualTo(3);
        assertThat(published).extracting(ConsumerEvent::consumerVersion).containsExactly(1L, 2L, 3L);
        assertThat(published).map(Object::getClass).containsExactly(ConsumerRegistered.class, ConsumerRenamed.class, ConsumerAddressChanged.class);
        assertThat(service.get(id).version()).isEqualTo(3);
    }

    @Test
    void aNoOpChangeAnswersTheCurrentVersionAndPublishesNothing() {
        ConsumerId id = service.register(registration(Optional.empty())).consumerId();

        ConsumerVersion renamed = service.rename(new RenameConsumerCommand(id, adaLovelace(), OptionalLong.of(1), CORRELATION));
        ConsumerVersion moved = service.changeAddress(new ChangeConsumerAddressCommand(id, mainStreet(), OptionalLong.empty(), CORRELATION));

        assertThat(renamed.version()).isEqualTo(1);
        assertThat(moved.version()).isEqualTo(1);
        assertThat(published).hasSize(1);
        assertThat(consumers.saves).isEqualTo(1);
    }

    @Test
    void refusesACommandForAnOlderVersion() {
        ConsumerId id = service.register(registration(Optional.empty())).consumerId();
        service.rename(new RenameConsumerCommand(id, new PersonName("Ada", "King"), OptionalLong.of(1), CORRELATION));

        assertThatThrownBy(() -> service.changeAddress(new ChangeConsumerAddressCommand(id, harbourRoad(), OptionalLong.of(1), CORRELATION)))
            .isInstanceOf(StaleConsumerVersionException.class).hasMessageContaining("version 2, not 1");
        assertThat(published).hasSize(2);
    }

    @Test
    void refusesAnUnknownConsumer() {
        assertThatThrownBy(() -> service.rename(new RenameConsumerCommand(ConsumerId.random(), adaLovelace(), OptionalLong.empty(), CORRELATION)))
            .isInstanceOf(ConsumerNotFoundException.class);
    }

    @Test
    void refusesASecondConsumerWithTheSameEmailWhateverItsCase() {
        service.register(registration(Optional.empty()));

        assertThatThrownBy(() -> service.register(new RegisterConsumerCommand(new PersonName("Augusta", "King"), new Email("ADA@example.org"),
            harbourRoad(), Optional.empty(), CORRELATION))).isInstanceOf(EmailAlreadyRegisteredException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndPublishesNothing() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("signup-1"));
        ConsumerVersion first = service.register(registration(key));

        ConsumerVersion retry = service.register(registration(key));

        assertThat(retry).isEqualTo(first);
        assertThat(published).hasSize(1);
    }

    @Test
    void refusesAKeyReusedForADifferentRegistration() {
        Optional<IdempotencyKey> key = Optional.of(new IdempotencyKey("signup-1"));
        service.register(registration(key));

        assertThatThrownBy(() -> service.register(new RegisterConsumerCommand(new PersonName("Augusta", "King"), new Email("augusta@example.org"),
            mainStreet(), key, CORRELATION))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(published).hasSize(1);
    }

    @Test
    void aFingerprintTellsAbsentFromEmptyFields() {
        RegisterConsumerCommand withoutStreet2 = registration(Optional.empty());
        RegisterConsumerCommand other = new RegisterConsumerCommand(adaLovelace(), adaEmail(), harbourRoad(), Optional.empty(), CORRELATION);

        assertThat(withoutStreet2.fingerprint()).hasSize(64).isEqualTo(registration(Optional.empty()).fingerprint()).isNotEqualTo(other.fingerprint());
    }

    private static RegisterConsumerCommand registration(Optional<IdempotencyKey> key) {
        return new RegisterConsumerCommand(adaLovelace(), adaEmail(), mainStreet(), key, CORRELATION);
    }

    /** Keeps what Spring Data JDBC would: the stored version, checked and raised on every save. */
    private static final class InMemoryConsumers implements ConsumerRepository {

        private final Map<ConsumerId, Consumer> stored = new HashMap<>();
        private int saves;

        @Override
        public Optional<Consumer> findById(ConsumerId consumerId) {
            return Optional.ofNullable(stored.get(consumerId))
                .map(c -> Consumer.restore(c.id(), c.name(), c.email(), c.address(), c.version()));
        }

        @Override
        public boolean isEmailRegistered(Email email) {
            return stored.values().stream().anyMatch(c -> c.email().value().equalsIgnoreCase(email.value()));
        }

        @Override
        public long save(Consumer consumer) {
            Consumer current = stored.get(consumer.id());
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != consumer.storedVersion()) {
                throw new IllegalStateException("optimistic lock");
            }
            saves++;
            stored.put(consumer.id(), Consumer.restore(consumer.id(), consumer.name(), consumer.email(), consumer.address(), currentVersion + 1));
            return currentVersion + 1;
        }
    }

    private static final class InMemoryIdempotencyKeys implements IdempotencyKeys {

        private final Map<IdempotencyKey, RememberedRegistration> remembered = new HashMap<>();

        @Override
        public RememberedRegistration remember(IdempotencyKey key, String fingerprint, ConsumerVersion candidate) {
            return remembered.computeIfAbsent(key, k -> new RememberedRegistration(fingerprint, candidate));
        }
    }
}
