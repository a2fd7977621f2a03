package dev.panorama.restaurant.application.port.in;

public interface RenameRestaurantUseCase {

    /**
     * Renaming to the current name changes nothing and answers the current version.
     *
     * @throws RestaurantNotFoundException when there is no such restaurant
     * @throws StaleRestaurantVersionException when the expected version is not the current one
     */
    RestaurantVersion rename(RenameRestaurantCommand command);
}
