package dev.panorama.order.adapter.out.persistence;

import org.springframework.data.repository.CrudRepository;

import java.util.UUID;

interface OrderRowRepository extends CrudRepository<OrderRow, UUID> {
}
