package dev.panorama.order.application.port.in;

public interface ReviseOrderUseCase {

    /**
     * Replaces the order's lines, priced from the restaurant's current menu. Lines that come out the same as
     * the current ones (items, quantities, names, prices, order) change nothing and answer the current version.
     *
     * @throws OrderNotFoundException when there is no such order
     * @throws StaleOrderVersionException when the expected version is not the current one
     * @throws dev.panorama.order.domain.OrderTransitionException when the order is REJECTED or CANCELLED
     * @throws dev.panorama.order.domain.OrderRuleException when an item is not on the current menu, or the items are in two currencies
     */
    OrderVersion revise(ReviseOrderCommand command);
}
