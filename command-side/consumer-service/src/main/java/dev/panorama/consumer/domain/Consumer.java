package dev.panorama.consumer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The consumer aggregate. Every change that alters it records one event and raises its version by one;
 * a change to what it already is (the same name, the same address) records nothing and keeps the version.
 *
 * <p>At most one change per unit of work: the store raises the version once per save, so a second
 * change before the save would give two events and one stored version.
 */
public final class Consumer {

    private final ConsumerId id;
    private final Email email;
    private final long storedVersion;
    private final List<ConsumerEvent> pendingEvents = new ArrayList<>();
    private PersonName name;
    private Address address;

    private Consumer(ConsumerId id, PersonName name, Email email, Address address, long storedVersion) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.email = Objects.requireNonNull(email, "email");
        this.address = Objects.requireNonNull(address, "address");
        this.storedVersion = storedVersion;
    }

    /** A new consumer at version 1, with its {@link ConsumerRegistered} pending. */
    public static Consumer register(ConsumerId id, PersonName name, Email email, Address address, Instant now) {
        Consumer consumer = new Consumer(id, name, email, address, 0);
        consumer.pendingEvents.add(new ConsumerRegistered(UUID.randomUUID(), now, id, consumer.nextVersion(), name, email, address));
        return consumer;
    }

    /** A consumer as the store holds it, at {@code version} (1 or more), with nothing pending. */
    public static Consumer restore(ConsumerId id, PersonName name, Email email, Address address, long version) {
        if (version < 1) {
            throw new IllegalArgumentException("a stored consumer has version 1 or more: " + version);
        }
        return new Consumer(id, name, email, address, version);
    }

    public void rename(PersonName newName, Instant now) {
        Objects.requireNonNull(newName, "newName");
        if (newName.equals(name)) {
            return;
        }
        requireNothingPending();
        name = newName;
        pendingEvents.add(new ConsumerRenamed(UUID.randomUUID(), now, id, nextVersion(), newName));
    }

    public void changeAddress(Address newAddress, Instant now) {
        Objects.requireNonNull(newAddress, "newAddress");
        if (newAddress.equals(address)) {
            return;
        }
        requireNothingPending();
        address = newAddress;
        pendingEvents.add(new ConsumerAddressChanged(UUID.randomUUID(), now, id, nextVersion(), newAddress));
    }

    public ConsumerId id() {
        return id;
    }

    public PersonName name() {
        return name;
    }

    public Email email() {
        return email;
    }

    public Address address() {
        return address;
    }

    /** The version including the pending change: what the client gets as its consistency token. */
    public long version() {
        return storedVersion + pendingEvents.size();
    }

    /** The version the store holds (0 before the first save): the store's optimistic-lock expectation. */
    public long storedVersion() {
        return storedVersion;
    }

    public List<ConsumerEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private long nextVersion() {
        return storedVersion + 1;
    }

    private void requireNothingPending() {
        if (!pendingEvents.isEmpty()) {
            throw new IllegalStateException("consumer " + id + " already has an unsaved change; save it before the next one");
        }
    }
}
