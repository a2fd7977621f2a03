package dev.panorama.consumer.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aConcurrentChangeIsAConflict() {
        assertThat(handler.concurrentChange(new OptimisticLockingFailureException("version 1 expected")).getStatus()).isEqualTo(409);
        assertThat(handler.concurrentChange(new DuplicateKeyException("consumer_email_once")).getStatus()).isEqualTo(409);
    }
}
