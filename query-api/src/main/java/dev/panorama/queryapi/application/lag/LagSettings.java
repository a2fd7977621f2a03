package dev.panorama.queryapi.application.lag;

import java.time.Duration;

/**
 * Thresholds of the lag report.
 *
 * @param freshWithin a partition behind the log end whose last applied event is at most this old is still fresh
 * @param stalledAfter a partition behind the log end whose position has not moved for this long is stalled
 * @param heartbeatSamples how many heartbeat round trips per topic the percentiles are taken over
 */
public record LagSettings(Duration freshWithin, Duration stalledAfter, int heartbeatSamples) {
}
