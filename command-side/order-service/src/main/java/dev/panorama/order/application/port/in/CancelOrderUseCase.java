package dev.panorama.order.application.port.in;

public interface CancelOrderUseCase {

    /**
     * @throws OrderNotFoundException when there is no such order
     * @throws StaleOrderVersionException when the expected version is not the current one
     * @throws dev.panorama.order.domain.OrderTransitionException unless the order is APPROVAL_PENDING or APPROVED
     */
    OrderVersion cancel(CancelOrderCommand command);
}
