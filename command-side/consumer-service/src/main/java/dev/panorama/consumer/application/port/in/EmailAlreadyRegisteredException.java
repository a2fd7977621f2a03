package dev.panorama.consumer.application.port.in;

import dev.panorama.consumer.domain.Email;

public class EmailAlreadyRegisteredException extends BusinessRuleViolationException {

    public EmailAlreadyRegisteredException(Email email) {
        super("a consumer with e-mail address " + email.value() + " is already registered");
    }
}
