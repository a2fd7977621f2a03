package dev.panorama.order.adapter.in.web;

import dev.panorama.order.application.port.in.IdempotencyKey;
import dev.panorama.order.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.order.application.port.in.OrderNotFoundException;
import dev.panorama.order.application.port.in.StaleOrderVersionException;
import dev.panorama.order.application.port.in.UnknownRestaurantException;
import dev.panorama.order.domain.InvalidValueException;
import dev.panorama.order.domain.OrderId;
import dev.panorama.order.domain.OrderRuleException;
import dev.panorama.order.domain.OrderStatus;
import dev.panorama.order.domain.OrderTransitionException;
import dev.panorama.order.domain.RestaurantId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void eachFailureHasItsStatus() {
        OrderId id = OrderId.random();
        assertThat(handler.invalidValue(new InvalidValueException("menuItemId x appears more than once")).getStatus()).isEqualTo(400);
        assertThat(handler.notFound(new OrderNotFoundException(id)).getStatus()).isEqualTo(404);
        assertThat(handler.stale(new StaleOrderVersionException(id, 1, 2)).getStatus()).isEqualTo(409);
        assertThat(handler.businessRule(new IdempotencyKeyReusedException(new IdempotencyKey("k"))).getStatus()).isEqualTo(422);
        assertThat(handler.businessRule(new UnknownRestaurantException(RestaurantId.random())).getStatus()).isEqualTo(422);
        assertThat(handler.businessRule(new OrderRuleException("pizza is not on the menu")).getStatus()).isEqualTo(422);
        assertThat(handler.businessRule(new OrderTransitionException(id, OrderStatus.CANCELLED, "be approved")).getStatus()).isEqualTo(422);
    }
}
