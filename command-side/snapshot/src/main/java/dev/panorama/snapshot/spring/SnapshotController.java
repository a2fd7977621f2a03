package dev.panorama.snapshot.spring;

import dev.panorama.snapshot.jdbc.PostgresSnapshotExporter;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /snapshot}: the service's aggregates as NDJSON, streamed while the snapshot transaction reads
 * them. The status is sent before the first row is read, so a failure part-way shows as a stream without
 * its trailer line.
 */
@RestController
public class SnapshotController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final PostgresSnapshotExporter exporter;

    public SnapshotController(PostgresSnapshotExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping(path = "/snapshot", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> snapshot() {
        StreamingResponseBody body = exporter::export;
        return ResponseEntity.ok().contentType(NDJSON).cacheControl(CacheControl.noStore()).body(body);
    }
}
