package dev.panorama.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A run's settings, checked when built.
 *
 * @param services base address per service name
 * @param orders how many orders (or, for the consumers workload, consumers) to send through their life cycle; ignored with a duration
 * @param duration keep starting journeys until this has passed; null to stop after {@code orders}
 * @param rate commands per second; 0 means as fast as the services answer
 * @param runId distinguishes the idempotency keys and e-mail addresses of two runs with the same seed
 */
record LoadOptions(
    Map<String, URI> services,
    Workload workload,
    long seed,
    long orders,
    Duration duration,
    double rate,
    int consumers,
    int restaurants,
    int concurrency,
    Duration timeout,
    long runId
) {

    enum Workload {
        /** Orders through their life cycle against all four services, with renames and menu revisions. */
        FTGO,
        /** Consumer registrations and changes against the consumer service alone: one service's capacity. */
        CONSUMERS
    }

    LoadOptions {
        services = Map.copyOf(services);
        if (orders < 0) {
            throw new IllegalArgumentException("--orders must be 0 or more: " + orders);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("--duration must be positive: " + duration);
        }
        if (rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("--rate must be 0 (as fast as possible) or a positive number of commands per second: " + rate);
        }
        if (workload == Workload.FTGO && (consumers < 1 || restaurants < 1)) {
            throw new IllegalArgumentException("--consumers and --restaurants must be at least 1 for the ftgo workload");
        }
        if (concurrency < 1 || concurrency > 1_000) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 1000: " + concurrency);
        }
        for (Map.Entry<String, URI> service : services.entrySet()) {
            URI uri = service.getValue();
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--" + service.getKey() + " must be an http(s) address such as http://127.0.0.1:8081: " + uri);
            }
        }
    }
}
