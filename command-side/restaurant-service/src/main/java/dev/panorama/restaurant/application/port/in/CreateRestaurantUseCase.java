package dev.panorama.restaurant.application.port.in;

public interface CreateRestaurantUseCase {

    /** @throws IdempotencyKeyReusedException when the key was used for a different restaurant */
    RestaurantVersion create(CreateRestaurantCommand command);
}
