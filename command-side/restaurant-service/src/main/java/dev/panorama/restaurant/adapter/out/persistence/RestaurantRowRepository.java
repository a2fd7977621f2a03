package dev.panorama.restaurant.adapter.out.persistence;

import org.springframework.data.repository.CrudRepository;

import java.util.UUID;

interface RestaurantRowRepository extends CrudRepository<RestaurantRow, UUID> {
}
