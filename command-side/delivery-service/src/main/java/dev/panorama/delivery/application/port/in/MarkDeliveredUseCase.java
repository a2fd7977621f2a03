package dev.panorama.delivery.application.port.in;

public interface MarkDeliveredUseCase {

    /**
     * @throws DeliveryNotFoundException when there is no such delivery
     * @throws StaleDeliveryVersionException when the expected version is not the current one
     * @throws dev.panorama.delivery.domain.DeliveryTransitionException unless the order is picked up and not yet delivered
     */
    DeliveryVersion markDelivered(DeliveryStepCommand command);
}
