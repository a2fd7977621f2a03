package dev.panorama.delivery.application.port.in;

public interface ScheduleDeliveryUseCase {

    /**
     * @throws OrderAlreadyScheduledException when the order already has a delivery
     * @throws IdempotencyKeyReusedException when the key was used for a different schedule
     */
    DeliveryVersion schedule(ScheduleDeliveryCommand command);
}
