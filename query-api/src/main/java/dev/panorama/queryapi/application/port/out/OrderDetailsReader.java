package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.Versioned;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads one order of the {@code order-details} view from its current version. */
public interface OrderDetailsReader {

    Versioned<Optional<Map<String, Object>>> byId(UUID orderId);
}
