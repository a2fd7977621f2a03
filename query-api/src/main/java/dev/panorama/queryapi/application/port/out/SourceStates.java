package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.SourceState;

import java.util.Optional;
import java.util.UUID;

/** The view builder's folded source aggregates: the version each has reached and what it refers to. */
public interface SourceStates {

    Optional<SourceState> find(String aggregateType, UUID aggregateId);
}
