package dev.panorama.delivery.adapter.out.persistence;

import org.springframework.data.repository.CrudRepository;

import java.util.UUID;

interface DeliveryRowRepository extends CrudRepository<DeliveryRow, UUID> {

    boolean existsByOrderId(UUID orderId);
}
