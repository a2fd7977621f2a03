package dev.panorama.delivery.adapter.in.web;

import dev.panorama.commandweb.CommandProblemHandler;
import dev.panorama.delivery.application.port.in.BusinessRuleViolationException;
import dev.panorama.delivery.application.port.in.DeliveryNotFoundException;
import dev.panorama.delivery.application.port.in.StaleDeliveryVersionException;
import dev.panorama.delivery.domain.DeliveryTransitionException;
import dev.panorama.delivery.domain.InvalidValueException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The delivery service's problem details: its domain's errors on top of what every command service shares. */
@RestControllerAdvice
class ProblemHandler extends CommandProblemHandler {

    ProblemHandler() {
        super("delivery");
    }

    @ExceptionHandler
    ProblemDetail invalidValue(InvalidValueException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(DeliveryNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleDeliveryVersionException exception) {
        return problem(HttpStatus.CONFLICT, exception.getMessage() + "; read it again and retry");
    }

    /** A service rule or a step the delivery's state does not allow. */
    @ExceptionHandler({BusinessRuleViolationException.class, DeliveryTransitionException.class})
    ProblemDetail businessRule(RuntimeException exception) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
    }
}
