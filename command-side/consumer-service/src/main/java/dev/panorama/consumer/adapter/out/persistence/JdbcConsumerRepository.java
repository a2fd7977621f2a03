package dev.panorama.consumer.adapter.out.persistence;

import dev.panorama.consumer.application.port.out.ConsumerRepository;
import dev.panorama.consumer.domain.Address;
import dev.panorama.consumer.domain.Consumer;
import dev.panorama.consumer.domain.ConsumerId;
import dev.panorama.consumer.domain.Email;
import dev.panorama.consumer.domain.PersonName;

import java.util.Optional;

/** The aggregate through Spring Data JDBC; the {@code @Version} column is the aggregate's version. */
final class JdbcConsumerRepository implements ConsumerRepository {

    private final ConsumerRowRepository rows;

    JdbcConsumerRepository(ConsumerRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Consumer> findById(ConsumerId consumerId) {
        return rows.findById(consumerId.value()).map(JdbcConsumerRepository::toConsumer);
    }

    @Override
    public boolean isEmailRegistered(Email email) {
        return rows.existsByEmailIgnoringCase(email.value());
    }

    @Override
    public long save(Consumer consumer) {
        return rows.save(toRow(consumer)).version();
    }

    private static Consumer toConsumer(ConsumerRow row) {
        return Consumer.restore(new ConsumerId(row.id()), new PersonName(row.firstName(), row.lastName()), new Email(row.email()),
            new Address(row.street1(), row.street2(), row.city(), row.postalCode(), row.country()), row.version());
    }

    /** Carries the stored version: 0 makes an insert, anything else an update guarded by that version. */
    private static ConsumerRow toRow(Consumer consumer) {
        Address address = consumer.address();
        return new ConsumerRow(consumer.id().value(), consumer.name().firstName(), consumer.name().lastName(), consumer.email().value(),
            address.street1(), address.street2(), address.city(), address.postalCode(), address.country(), consumer.storedVersion());
    }
}
