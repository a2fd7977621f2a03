package dev.panorama.queryapi.support;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published contract, {@code schemas/openapi/query-api.yaml}, read as JSON: its operations and
 * parameters, and JSON Schema validation of real responses against its schemas (OpenAPI 3.0's
 * {@code nullable} turned into a {@code null} type, the rest is JSON Schema as it stands).
 */
public final class OpenApiDocument {

    public static final Path FILE = Path.of("..", "schemas", "openapi", "query-api.yaml");

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    public static OpenApiDocument load() {
        try {
            String yaml = Files.readString(FILE);
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            return new OpenApiDocument(Http.JSON.valueToTree(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return document;
    }

    /** {@code GET /orders/{orderId}} → its parameters as {@code query:name}, {@code path:name}, {@code header:name}. */
    public Map<String, List<String>> operations() {
        Map<String, List<String>> operations = new java.util.TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            List<String> parameters = new ArrayList<>();
            JsonNode declared = operation.getValue().get("parameters");
            if (declared != null) {
                declared.forEach(parameter -> {
                    JsonNode resolved = resolve(parameter);
                    parameters.add(resolved.get("in").asString() + ":" + resolved.get("name").asString());
                });
            }
            operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), parameters.stream().sorted().toList());
        }));
        return operations;
    }

    /** The problems of {@code body} against the documented response of {@code operation} for {@code status}; fails when undocumented. */
    public List<String> validate(String method, String path, int status, String contentType, String body) {
        JsonNode operation = document.get("paths").get(path).get(method.toLowerCase());
        JsonNode response = operation.get("responses").get(Integer.toString(status));
        if (response == null) {
            return List.of(status + " is not documented for " + method + " " + path);
        }
        JsonNode content = resolve(response).get("content");
        String mediaType = contentType.split(";")[0].trim();
        if (content == null || content.get(mediaType) == null) {
            return List.of(mediaType + " is not documented for " + status + " of " + method + " " + path);
        }
        JsonNode schema = content.get(mediaType).get("schema");
        ObjectNode root = nullableAsType((ObjectNode) document.deepCopy());
        if (schema.has("$ref")) {
            root.put("$ref", schema.get("$ref").asString());
        } else {
            root.putObject("$defs").set("inline", nullableAsType(schema.deepCopy()));
            root.put("$ref", "#/$defs/inline");
        }
        Schema compiled = registry.getSchema(root.toString(), InputFormat.JSON);
        return compiled.validate(body, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private JsonNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        JsonNode target = document;
        for (String part : node.get("$ref").asString().substring(2).split("/")) {
            target = target.get(part);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T nullableAsType(T node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean(false) && object.has("type")) {
                ArrayNode types = object.arrayNode().add(object.get("type").asString()).add("null");
                object.set("type", types);
                object.remove("nullable");
            }
            object.properties().forEach(entry -> nullableAsType(entry.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApiDocument::nullableAsType);
        }
        return node;
    }
}
