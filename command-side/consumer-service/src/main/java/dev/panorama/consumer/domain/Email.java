package dev.panorama.consumer.domain;

import java.util.regex.Pattern;

/** An e-mail address; unique among consumers, compared without regard to case. */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    // Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not checked here.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Email {
        Values.required("email", value, MAX_LENGTH);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email is not an e-mail address");
        }
    }
}
