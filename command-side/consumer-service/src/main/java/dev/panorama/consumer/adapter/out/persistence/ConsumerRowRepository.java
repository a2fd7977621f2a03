package dev.panorama.consumer.adapter.out.persistence;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

import java.util.UUID;

interface ConsumerRowRepository extends CrudRepository<ConsumerRow, UUID> {

    @Query("select exists (select 1 from consumer where lower(email) = lower(:email))")
    boolean existsByEmailIgnoringCase(String email);
}
