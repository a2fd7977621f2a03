package dev.panorama.queryapi.application.lag;

import java.time.Duration;

/**
 * Thresholds of the lag report.
 *
 * @param freshWithin a partition behind the log end whose last applied event is at most this old is still fresh
 * @param stalledAfter a partition behind the log end whose position has not moved for this long is stalled
 * @param heartbeatWindow how far back the heartbeat percentiles look (by the time each heartbeat was applied)
 * @param heartbeatSamples at most this many heartbeat round trips per topic are kept for the percentiles
 */
public record LagSettings(Duration freshWithin, Duration stalledAfter, Duration heartbeatWindow, int heartbeatSamples) {
}
