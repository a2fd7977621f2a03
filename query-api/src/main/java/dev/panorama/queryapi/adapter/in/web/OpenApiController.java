package dev.panorama.queryapi.adapter.in.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the published contract ({@code schemas/openapi/query-api.yaml}) as it is, open to everyone. */
@RestController
class OpenApiController {

    static final String PATH = "/openapi.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] document;

    OpenApiController() {
        try (InputStream in = new ClassPathResource("openapi/query-api.yaml").getInputStream()) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/query-api.yaml is not on the class path", e);
        }
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(YAML).body(document);
    }
}
