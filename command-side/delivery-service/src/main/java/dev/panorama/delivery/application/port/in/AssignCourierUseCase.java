package dev.panorama.delivery.application.port.in;

public interface AssignCourierUseCase {

    /**
     * Assigns a courier, or another one, until the pickup. The courier already assigned changes nothing and
     * answers the current version.
     *
     * @throws DeliveryNotFoundException when there is no such delivery
     * @throws StaleDeliveryVersionException when the expected version is not the current one
     * @throws dev.panorama.delivery.domain.DeliveryTransitionException once the order is picked up
     */
    DeliveryVersion assignCourier(AssignCourierCommand command);
}
