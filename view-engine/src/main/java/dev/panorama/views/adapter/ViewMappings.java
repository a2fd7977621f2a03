package dev.panorama.views.adapter;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A view version's mapping for a store, as published in {@code schemas/views/<view>.v<N>.<store>.json}. */
public final class ViewMappings {

    private ViewMappings() {
    }

    /** @param store {@code elasticsearch} or {@code mongodb} */
    public static Optional<JsonNode> find(String view, int version, String store) {
        String resource = resource(view, version, store);
        try (InputStream in = ViewMappings.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(DocumentJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource + " failed: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalStateException when the mapping is not on the class path */
    public static JsonNode require(String view, int version, String store) {
        return find(view, version, store).orElseThrow(() -> new IllegalStateException(resource(view, version, store) + " is not on the class path"));
    }

    private static String resource(String view, int version, String store) {
        return "panorama/schemas/views/" + view + ".v" + version + "." + store + ".json";
    }
}
