package dev.panorama.queryapi.adapter.in.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors the container handles itself (before or outside Spring MVC) become problem documents too. */
@RestController
class ProblemErrorController implements ErrorController {

    static final String PATH = "/error";

    @RequestMapping(PATH)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
        String type = status.is4xxClientError() ? "bad-request" : "internal";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.of(status, type, status.getReasonPhrase(), status.is4xxClientError() ? "the request was not accepted"
                : "the service failed unexpectedly"));
    }
}
