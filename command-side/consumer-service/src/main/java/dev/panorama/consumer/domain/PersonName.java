package dev.panorama.consumer.domain;

/** A consumer's name, split as {@code ConsumerRegistered} v2 carries it. */
public record PersonName(String firstName, String lastName) {

    public static final int MAX_LENGTH = 100;

    public PersonName {
        Values.required("firstName", firstName, MAX_LENGTH);
        Values.required("lastName", lastName, MAX_LENGTH);
    }
}
