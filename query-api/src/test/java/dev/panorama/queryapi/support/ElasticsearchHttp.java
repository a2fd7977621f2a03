package dev.panorama.queryapi.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Writes view documents to the test Elasticsearch over its REST API, as the view builder's sink would. */
public final class ElasticsearchHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    ElasticsearchHttp(String base) {
        this.base = base;
    }

    /** Index {@code <alias>-v1} with the mapping, 1 shard, no replica, behind {@code alias}. */
    void createView(String alias, ObjectNode mapping) {
        ObjectNode body = mapping.deepCopy();
        body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
        body.putObject("aliases").putObject(alias);
        send("PUT", "/" + alias + "-v1", body.toString(), "application/json");
    }

    /** Index {@code <alias>-v<version>} with the mapping, not behind the alias: a version being built. */
    public void createVersion(String alias, int version, ObjectNode mapping) {
        ObjectNode body = mapping.deepCopy();
        body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
        send("PUT", "/" + alias + "-v" + version, body.toString(), "application/json");
    }

    public void deleteIndex(String index) {
        send("DELETE", "/" + index, "", "application/json");
    }

    /** The indexes {@code alias} points at. */
    public java.util.Set<String> indexesBehind(String alias) {
        java.util.Set<String> indexes = new java.util.TreeSet<>();
        send("GET", "/_alias/" + alias, "", "application/json").propertyNames().forEach(indexes::add);
        return indexes;
    }

    /** Points {@code alias} at {@code <alias>-v<version>} only, in one request. */
    public void pointAlias(String alias, int version) {
        StringBuilder actions = new StringBuilder("{\"actions\":[");
        indexesBehind(alias).forEach(index -> actions.append("{\"remove\":{\"index\":\"").append(index).append("\",\"alias\":\"").append(alias)
            .append("\"}},"));
        actions.append("{\"add\":{\"index\":\"").append(alias).append("-v").append(version).append("\",\"alias\":\"").append(alias).append("\"}}]}");
        send("POST", "/_aliases", actions.toString(), "application/json");
    }

    /** Writes documents (id → source) in one bulk request, visible to search when it returns. */
    public void write(String alias, Map<String, Map<String, Object>> documents) {
        StringBuilder bulk = new StringBuilder();
        documents.forEach((id, source) -> bulk.append("{\"index\":{\"_index\":\"").append(alias).append("\",\"_id\":\"").append(id).append("\"}}\n")
            .append(Http.JSON.writeValueAsString(source)).append('\n'));
        JsonNode response = send("POST", "/_bulk?refresh=true", bulk.toString(), "application/x-ndjson");
        if (response.get("errors").asBoolean()) {
            throw new IllegalStateException("bulk write failed: " + response);
        }
    }

    /** Writes documents without waiting for a refresh: a search may not see them yet. */
    public void writeUnrefreshed(String alias, String id, Map<String, Object> source) {
        send("PUT", "/" + alias + "/_doc/" + id, Http.JSON.writeValueAsString(source), "application/json");
    }

    /** Points {@code alias} away from its index (as if the view were not there) or back at {@code <alias>-v1}. */
    public void alias(String alias, boolean present) {
        String action = present ? "add" : "remove";
        send("POST", "/_aliases", "{\"actions\":[{\"" + action + "\":{\"index\":\"" + alias + "-v1\",\"alias\":\"" + alias + "\"}}]}",
            "application/json");
    }

    public void refresh(String alias) {
        send("POST", "/" + alias + "/_refresh", "", "application/json");
    }

    public void write(String alias, List<Map<String, Object>> documents, String idField) {
        Map<String, Map<String, Object>> byId = new java.util.LinkedHashMap<>();
        documents.forEach(document -> byId.put((String) document.get(idField), document));
        write(alias, byId);
    }

    private JsonNode send(String method, String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Http.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
