package dev.panorama.consumer.adapter.in.web;

import dev.panorama.commandweb.CommandProblemHandler;
import dev.panorama.consumer.application.port.in.BusinessRuleViolationException;
import dev.panorama.consumer.application.port.in.ConsumerNotFoundException;
import dev.panorama.consumer.application.port.in.StaleConsumerVersionException;
import dev.panorama.consumer.domain.InvalidValueException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The consumer service's problem details: its domain's errors on top of what every command service shares. */
@RestControllerAdvice
class ProblemHandler extends CommandProblemHandler {

    ProblemHandler() {
        super("consumer");
    }

    @ExceptionHandler
    ProblemDetail invalidValue(InvalidValueException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(ConsumerNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleConsumerVersionException exception) {
        return problem(HttpStatus.CONFLICT, exception.getMessage() + "; read it again and retry");
    }

    @ExceptionHandler
    ProblemDetail businessRule(BusinessRuleViolationException exception) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
    }
}
