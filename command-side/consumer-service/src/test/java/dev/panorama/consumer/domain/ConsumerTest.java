package dev.panorama.consumer.domain;

import org.junit.jupiter.api.Test;

import static dev.panorama.consumer.domain.ConsumerFixtures.ADA;
import static dev.panorama.consumer.domain.ConsumerFixtures.NOW;
import static dev.panorama.consumer.domain.ConsumerFixtures.adaEmail;
import static dev.panorama.consumer.domain.ConsumerFixtures.adaLovelace;
import static dev.panorama.consumer.domain.ConsumerFixtures.harbourRoad;
import static dev.panorama.consumer.domain.ConsumerFixtures.mainStreet;
import static dev.panorama.consumer.domain.ConsumerFixtures.storedAda;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConsumerTest {

    @Test
    void registrationIsVersionOneWithItsEventPending() {
        Consumer consumer = Consumer.register(ADA, adaLovelace(), adaEmail(), mainStreet(), NOW);

        assertThat(consumer.version()).isEqualTo(1);
        assertThat(consumer.storedVersion()).as("nothing stored yet").isZero();
        assertThat(consumer.pendingEvents()).singleElement().isInstanceOfSatisfying(ConsumerRegistered.class, event -> {
            assertThat(event.consumerId()).isEqualTo(ADA);
            assertThat(event.consumerVersion()).isEqualTo(1);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.name()).isEqualTo(adaLovelace());
            assertThat(event.email()).isEqualTo(adaEmail());
            assertThat(event.address()).isEqualTo(mainStreet());
            assertThat(event.eventId()).isNotNull();
        });
    }

    @Test
    void renamingRaisesTheVersionByOneAndRecordsTheNewName() {
        Consumer consumer = storedAda(1);

        consumer.rename(new PersonName("Ada", "King"), NOW);

        assertThat(consumer.name()).isEqualTo(new PersonName("Ada", "King"));
        assertThat(consumer.version()).isEqualTo(2);
        assertThat(consumer.storedVersion()).isEqualTo(1);
        assertThat(consumer.pendingEvents()).singleElement().isInstanceOfSatisfying(ConsumerRenamed.class, event -> {
            assertThat(event.consumerVersion()).isEqualTo(2);
            assertThat(event.name()).isEqualTo(new PersonName("Ada", "King"));
        });
    }

    @Test
    void renamingToTheCurrentNameChangesNothing() {
        Consumer consumer = storedAda(4);

        consumer.rename(adaLovelace(), NOW);

        assertThat(consumer.version()).isEqualTo(4);
        assertThat(consumer.pendingEvents()).isEmpty();
    }

    @Test
    void changingTheAddressRaisesTheVersionByOneAndRecordsTheNewAddress() {
        Consumer consumer = storedAda(2);

        consumer.changeAddress(harbourRoad(), NOW);

        assertThat(consumer.address()).isEqualTo(harbourRoad());
        assertThat(consumer.version()).isEqualTo(3);
        assertThat(consumer.pendingEvents()).singleElement().isInstanceOfSatisfying(ConsumerAddressChanged.class, event -> {
            assertThat(event.consumerVersion()).isEqualTo(3);
            assertThat(event.address()).isEqualTo(harbourRoad());
        });
    }

    @Test
    void changingToTheCurrentAddressChangesNothing() {
        Consumer consumer = storedAda(2);

        consumer.changeAddress(mainStreet(), NOW);

        assertThat(consumer.version()).isEqualTo(2);
        assertThat(consumer.pendingEvents()).isEmpty();
    }

    @Test
    void refusesASecondChangeBeforeTheFirstIsSavedAndKeepsTheFirst() {
        Consumer consumer = storedAda(1);
        consumer.rename(new PersonName("Ada", "King"), NOW);

        assertThatIllegalStateException().isThrownBy(() -> consumer.changeAddress(harbourRoad(), NOW));
        assertThat(consumer.address()).isEqualTo(mainStreet());
        assertThat(consumer.version()).isEqualTo(2);
        assertThat(consumer.pendingEvents()).hasSize(1);
    }

    @Test
    void aNewRegistrationCannotBeChangedBeforeItIsSaved() {
        Consumer consumer = Consumer.register(ADA, adaLovelace(), adaEmail(), mainStreet(), NOW);

        assertThatIllegalStateException().isThrownBy(() -> consumer.rename(new PersonName("Ada", "King"), NOW));
    }

    @Test
    void aStoredConsumerHasVersionOneOrMore() {
        assertThatIllegalArgumentException().isThrownBy(() -> storedAda(0));
    }
}
