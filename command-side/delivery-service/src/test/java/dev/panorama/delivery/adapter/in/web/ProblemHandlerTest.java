package dev.panorama.delivery.adapter.in.web;

import org.junit.jupiter.api.Test;
import dev.panorama.delivery.application.port.in.OrderAlreadyScheduledException;
import dev.panorama.delivery.domain.DeliveryId;
import dev.panorama.delivery.domain.DeliveryStatus;
import dev.panorama.delivery.domain.DeliveryTransitionException;
import dev.panorama.delivery.domain.OrderId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aConcurrentChangeIsAConflict() {
        assertThat(handler.concurrentChange(new OptimisticLockingFailureException("version 1 expected")).getStatus()).isEqualTo(409);
        assertThat(handler.concurrentChange(new DuplicateKeyException("delivery_order_once")).getStatus()).isEqualTo(409);
    }

    @Test
    void anOutOfOrderStepAndASecondDeliveryForAnOrderAreRuleViolations() {
        assertThat(handler.businessRule(new DeliveryTransitionException(DeliveryId.random(), DeliveryStatus.DELIVERED, "be picked up"))
            .getStatus()).isEqualTo(422);
        assertThat(handler.businessRule(new OrderAlreadyScheduledException(new OrderId(UUID.randomUUID()))).getStatus()).isEqualTo(422);
    }
}
