package dev.panorama.restaurant.adapter.in.web;

import dev.panorama.restaurant.adapter.in.web.EntityTags.InvalidIfMatchException;
import dev.panorama.restaurant.application.port.in.IdempotencyKey;
import dev.panorama.restaurant.application.port.in.IdempotencyKeyReusedException;
import dev.panorama.restaurant.application.port.in.RestaurantNotFoundException;
import dev.panorama.restaurant.application.port.in.StaleRestaurantVersionException;
import dev.panorama.restaurant.domain.InvalidValueException;
import dev.panorama.restaurant.domain.RestaurantId;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aConcurrentChangeIsAConflict() {
        assertThat(handler.concurrentChange(new OptimisticLockingFailureException("version 1 expected")).getStatus()).isEqualTo(409);
        assertThat(handler.concurrentChange(new DuplicateKeyException("creation_idempotency_key_pkey")).getStatus()).isEqualTo(409);
    }

    @Test
    void eachFailureHasItsStatus() {
        RestaurantId id = RestaurantId.random();
        assertThat(handler.badRequest(new InvalidValueException("menuItemId x appears more than once")).getStatus()).isEqualTo(400);
        assertThat(handler.badRequest(new InvalidIfMatchException("W/\"1\"")).getStatus()).isEqualTo(400);
        assertThat(handler.notFound(new RestaurantNotFoundException(id)).getStatus()).isEqualTo(404);
        assertThat(handler.stale(new StaleRestaurantVersionException(id, 1, 2)).getStatus()).isEqualTo(409);
        assertThat(handler.businessRule(new IdempotencyKeyReusedException(new IdempotencyKey("k"))).getStatus()).isEqualTo(422);
    }
}
