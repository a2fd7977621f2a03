package dev.panorama.order.application.port.in;

public interface RejectOrderUseCase {

    /**
     * @throws OrderNotFoundException when there is no such order
     * @throws StaleOrderVersionException when the expected version is not the current one
     * @throws dev.panorama.order.domain.OrderTransitionException unless the order is APPROVAL_PENDING
     */
    OrderVersion reject(RejectOrderCommand command);
}
