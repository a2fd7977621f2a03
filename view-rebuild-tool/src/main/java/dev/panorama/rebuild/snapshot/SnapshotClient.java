package dev.panorama.rebuild.snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Downloads a command service's snapshot, {@code GET <service>/snapshot}, gzip-compressed on the wire. */
public final class SnapshotClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The snapshot's lines, header to trailer, as the service sent them. */
    public List<String> download(URI service) {
        URI uri = service.resolve(service.getPath().endsWith("/") ? "snapshot" : service.getPath() + "/snapshot");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/x-ndjson").header("Accept-Encoding", "gzip").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body = new String(response.body().readNBytes(500), StandardCharsets.UTF_8);
                throw new UncheckedIOException(new IOException("GET " + uri + " answered " + response.statusCode() + ": " + body));
            }
            InputStream body = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()
                ? new GZIPInputStream(response.body()) : response.body();
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading " + uri, e);
        }
    }
}
