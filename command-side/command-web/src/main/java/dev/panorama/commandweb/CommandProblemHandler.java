package dev.panorama.commandweb;

import dev.panorama.commandweb.EntityTags.InvalidIfMatchException;
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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details for the errors every command service shares: Spring's own (400, 405, 415…),
 * invalid fields with an {@code errors} list, a malformed {@code If-Match}, a lost optimistic-locking race,
 * and anything unexpected. A service extends it as its {@code @RestControllerAdvice} and adds its domain's
 * exceptions (not found, stale version, rule violations).
 */
public abstract class CommandProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);

    private final String aggregate;

    /** @param aggregate what the service's commands change, for messages: "consumer", "order" */
    protected CommandProblemHandler(String aggregate) {
        this.aggregate = aggregate;
    }

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

    @ExceptionHandler
    ProblemDetail invalidIfMatch(InvalidIfMatchException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
    }

    /** Another command changed the aggregate between our read and our write, or claimed the same unique value meanwhile. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ProblemDetail concurrentChange(RuntimeException exception) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "a concurrent change came first; read the " + aggregate + " again and retry");
    }

    /** Anything else is our fault: logged here, and the client gets a problem without our internals. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception exception) {
        log.error("unexpected failure", exception);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the service failed unexpectedly");
    }

    protected static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
