package dev.panorama.restaurant.application.port.in;

public interface ChangeOpeningHoursUseCase {

    /**
     * Changing to the current opening hours (same periods, same order) changes nothing and answers the current version.
     *
     * @throws RestaurantNotFoundException when there is no such restaurant
     * @throws StaleRestaurantVersionException when the expected version is not the current one
     */
    RestaurantVersion changeOpeningHours(ChangeOpeningHoursCommand command);
}
