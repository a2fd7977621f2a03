package dev.panorama.queryapi.application;

import java.time.Duration;

/**
 * How long a query with a consistency token may wait for its view, and how it polls meanwhile.
 *
 * @param maxWait the bound on the wait; after it the query is answered 409
 * @param initialBackoff the first pause between checks, doubled after each miss
 * @param maxBackoff the longest pause between checks
 * @param retryAfter what a 409 tells the caller to wait before asking again
 */
public record ConsistencySettings(Duration maxWait, Duration initialBackoff, Duration maxBackoff, Duration retryAfter) {
}
