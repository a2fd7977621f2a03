package dev.panorama.commandweb;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemHandlerTest {

    private final CommandProblemHandler handler = new CommandProblemHandler("order") {
    };

    @Test
    void aConcurrentChangeIsAConflictNamingTheAggregate() {
        ProblemDetail lostRace = handler.concurrentChange(new OptimisticLockingFailureException("version 1 expected"));
        ProblemDetail duplicate = handler.concurrentChange(new DuplicateKeyException("order_once"));

        assertThat(lostRace.getStatus()).isEqualTo(409);
        assertThat(lostRace.getDetail()).isEqualTo("a concurrent change came first; read the order again and retry");
        assertThat(duplicate.getStatus()).isEqualTo(409);
    }

    @Test
    void aMalformedIfMatchIsABadRequest() {
        ProblemDetail problem = handler.invalidIfMatch(new EntityTags.InvalidIfMatchException("W/\"1\""));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).contains("W/\"1\"");
    }

    @Test
    void anUnexpectedFailureHidesItsInternals() {
        ProblemDetail problem = handler.unexpected(new IllegalStateException("connection to 10.0.0.7 refused"));

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).isEqualTo("the service failed unexpectedly").doesNotContain("10.0.0.7");
    }
}
