package dev.panorama.delivery.adapter.in.web;

import dev.panorama.delivery.adapter.in.web.EntityTags.InvalidIfMatchException;
import dev.panorama.delivery.application.port.in.BusinessRuleViolationException;
import dev.panorama.delivery.application.port.in.DeliveryNotFoundException;
import dev.panorama.delivery.application.port.in.StaleDeliveryVersionException;
import dev.panorama.delivery.domain.DeliveryTransitionException;
import dev.panorama.delivery.domain.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/** RFC 9457 problem details for every error; Spring's base class covers the framework's own (400, 405, 415…). */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = exception.getBody();
        problem.setDetail("the request body has invalid fields");
        List<Map<String, String>> errors = exception.getBindingResult().getFieldErrors().stream()
            .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
            .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    @ExceptionHandler({InvalidValueException.class, InvalidIfMatchException.class})
    ProblemDetail badRequest(RuntimeException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(DeliveryNotFoundException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
    }

    @ExceptionHandler
    ProblemDetail stale(StaleDeliveryVersionException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage() + "; read it again and retry");
    }

    /** Another command changed the delivery between our read and our write, or scheduled the same order meanwhile. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ProblemDetail concurrentChange(RuntimeException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "a concurrent change came first; read the delivery again and retry");
    }

    /** A service rule (one delivery per order, idempotency keys) or a step the delivery's state does not allow. */
    @ExceptionHandler({BusinessRuleViolationException.class, DeliveryTransitionException.class})
    ProblemDetail businessRule(RuntimeException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
    }

    /** Anything else is our fault: logged here, and the client gets a problem without our internals. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception exception) {
        log.error("unexpected failure", exception);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the service failed unexpectedly");
    }
}
