package dev.panorama.consumer.adapter.out.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.util.UUID;

/**
 * The {@code consumer} table, the persistent form of the aggregate.
 *
 * @param version a primitive on purpose: Spring Data JDBC treats 0 as "new" and inserts it as 1, then adds
 *     one per update, which is exactly the aggregate's version (1 at registration, no gaps)
 */
@Table("consumer")
record ConsumerRow(
    @Id UUID id,
    String firstName,
    String lastName,
    String email,
    String street1,
    String street2,
    String city,
    String postalCode,
    String country,
    @Version long version
) {

    ConsumerRow withVersion(long newVersion) {
        return new ConsumerRow(id, firstName, lastName, email, street1, street2, city, postalCode, country, newVersion);
    }
}
