package dev.panorama.order.application.port.in;

public interface CreateOrderUseCase {

    /**
     * Prices the items from the restaurant's menu as the order service knows it, and places the order.
     *
     * @throws UnknownRestaurantException when the service has no menu for the restaurant
     * @throws dev.panorama.order.domain.OrderRuleException when an item is not on the menu, or the items are in two currencies
     * @throws IdempotencyKeyReusedException when the key was used for a different order
     */
    OrderVersion create(CreateOrderCommand command);
}
