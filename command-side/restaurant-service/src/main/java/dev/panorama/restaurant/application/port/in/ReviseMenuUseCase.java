package dev.panorama.restaurant.application.port.in;

public interface ReviseMenuUseCase {

    /**
     * Revising to the current menu (same items, same order) changes nothing and answers the current version.
     *
     * @throws RestaurantNotFoundException when there is no such restaurant
     * @throws StaleRestaurantVersionException when the expected version is not the current one
     */
    RestaurantVersion reviseMenu(ReviseMenuCommand command);
}
