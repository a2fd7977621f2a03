package dev.panorama.delivery.application.port.in;

public interface PickUpDeliveryUseCase {

    /**
     * @throws DeliveryNotFoundException when there is no such delivery
     * @throws StaleDeliveryVersionException when the expected version is not the current one
     * @throws dev.panorama.delivery.domain.DeliveryTransitionException unless a courier is assigned and the order not yet picked up
     */
    DeliveryVersion pickUp(DeliveryStepCommand command);
}
