package dev.panorama.snapshot.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code panorama.snapshot.*}.
 *
 * @param fetchSize rows read per round trip while exporting (the export holds about this many in memory)
 */
@ConfigurationProperties("panorama.snapshot")
public record SnapshotProperties(@DefaultValue("500") int fetchSize) {
}
