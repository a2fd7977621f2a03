package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.NotFoundException;
import dev.panorama.queryapi.application.NotYetConsistentException;
import dev.panorama.queryapi.application.StoreUnavailableException;
import dev.panorama.queryapi.application.admin.RedriveUnderWayException;
import dev.panorama.views.versions.RefusedException;
import dev.panorama.views.versions.UnknownViewException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem details for every error; Spring's base class covers the framework's own (404 path, 405, 406…). */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final long STORE_RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidParametersException exception) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameters", "Invalid parameters",
            "the request has " + exception.errors().size() + " invalid parameter(s); see errors");
        problem.setProperty("errors", exception.errors());
        return ResponseEntity.badRequest().contentType(PROBLEM).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException exception) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(PROBLEM)
            .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", exception.getMessage()));
    }

    /** The caller's write is not in the view yet: say so, and when to ask again; never answer from the stale view. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> notYetConsistent(NotYetConsistentException exception) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "not-yet-consistent", "View has not applied the write yet",
            exception.getMessage());
        problem.setProperty("view", exception.view().id());
        problem.setProperty("token", exception.token().toString());
        long seconds = Math.max(1, (exception.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).contentType(PROBLEM)
            .body(problem);
    }

    /** The rebuild tool's refusals, over HTTP: nothing was changed; the detail says why and what to do instead. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RefusedException exception) {
        log.info("refused: {}", exception.getMessage());
        if (exception instanceof UnknownViewException) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(PROBLEM)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", exception.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(PROBLEM)
            .body(Problems.of(HttpStatus.CONFLICT, "refused", "Refused, nothing changed", exception.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> redriveUnderWay(RedriveUnderWayException exception) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(PROBLEM)
            .body(Problems.of(HttpStatus.CONFLICT, "redrive-under-way", "A redrive is under way", exception.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException exception) {
        log.warn("{}: {}", exception.getMessage(), exception.getCause() == null ? "" : exception.getCause().toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(STORE_RETRY_AFTER_SECONDS))
            .contentType(PROBLEM)
            .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "A store is unavailable",
                "a store this answer needs did not answer; try again shortly"));
    }

    /** Anything else is our fault: logged here, and the client gets a problem without our internals. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("unexpected failure", exception);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(PROBLEM)
            .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "the service failed unexpectedly"));
    }
}
