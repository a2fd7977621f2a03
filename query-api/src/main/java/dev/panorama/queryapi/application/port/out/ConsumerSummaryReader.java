package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.Versioned;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads one consumer's summary from the current version of the {@code consumer-summary} view. */
public interface ConsumerSummaryReader {

    Versioned<Optional<Map<String, Object>>> byId(UUID consumerId);
}
