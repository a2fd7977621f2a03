package dev.panorama.order.adapter.in.web;

import dev.panorama.commandweb.CommandProblemHandler;
import dev.panorama.order.application.port.in.BusinessRuleViolationException;
import dev.panorama.order.application.port.in.OrderNotFoundException;
import dev.panorama.order.application.port.in.StaleOrderVersionException;
import dev.panorama.order.domain.InvalidValueException;
import dev.panorama.order.domain.OrderRuleException;
import dev.panorama.order.domain.OrderTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order service's problem details: its domain's errors on top of what every command service shares. */
@RestControllerAdvice
class ProblemHandler extends CommandProblemHandler {

    ProblemHandler() {
        super("order");
    }

    @ExceptionHandler
    ProblemDetail invalidValue(InvalidValueException exception) {
        return problem(HttpStatus.BAD_REQUEST, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleOrderVersionException exception) {
        return problem(HttpStatus.CONFLICT, exception.getMessage() + "; read it again and retry");
    }

    /**
     * A service rule (unknown restaurant, idempotency keys), an order rule (an item not on the menu, two
     * currencies, a total too large) or a step the order's state does not allow.
     */
    @ExceptionHandler({BusinessRuleViolationException.class, OrderRuleException.class, OrderTransitionException.class})
    ProblemDetail businessRule(RuntimeException exception) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
    }
}
