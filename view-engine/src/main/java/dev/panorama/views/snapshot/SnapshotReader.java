package dev.panorama.views.snapshot;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.panorama.views.state.AggregateState;
import dev.panorama.views.state.ConsumerState;
import dev.panorama.views.state.DeliveryState;
import dev.panorama.views.state.OrderState;
import dev.panorama.views.state.RestaurantState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static dev.panorama.views.event.JsonValues.address;
import static dev.panorama.views.event.JsonValues.geoPoint;
import static dev.panorama.views.event.JsonValues.instant;
import static dev.panorama.views.event.JsonValues.lineItems;
import static dev.panorama.views.event.JsonValues.list;
import static dev.panorama.views.event.JsonValues.menu;
import static dev.panorama.views.event.JsonValues.money;
import static dev.panorama.views.event.JsonValues.name;
import static dev.panorama.views.event.JsonValues.openingHours;
import static dev.panorama.views.event.JsonValues.optionalInstant;
import static dev.panorama.views.event.JsonValues.optionalText;
import static dev.panorama.views.event.JsonValues.text;

/**
 * Reads a command service's snapshot (the NDJSON of {@code GET /snapshot}: a header, one record per
 * aggregate, a trailer) against its published schemas ({@code schemas/snapshots/}) and maps each record
 * onto the aggregate state the view builder would have folded from that aggregate's events — the one
 * place where a snapshot record meets the projections.
 */
public final class SnapshotReader {

    private static final String ROOT = "panorama/schemas/snapshots/";

    private final ObjectMapper json = JsonMapper.builder().build();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Schema headerSchema = schema("snapshot-header.v1.schema.json");
    private final Schema recordSchema = schema("snapshot-record.v1.schema.json");
    private final Schema trailerSchema = schema("snapshot-trailer.v1.schema.json");
    private final Map<String, Schema> stateSchemas = new ConcurrentHashMap<>();

    /** The first line of a snapshot. */
    public record Header(int format, String service, String aggregateType, Instant takenAt, long outboxHighWaterMark) {
    }

    /** @throws InvalidSnapshotException when the line is not a version-1 header */
    public Header header(String line) {
        JsonNode node = parse(line, "header");
        check(headerSchema, node, "header");
        return new Header(node.get("snapshotFormat").asInt(), text(node, "service"), text(node, "aggregateType"), instant(node, "takenAt"),
            node.get("outboxHighWaterMark").asLong());
    }

    /** Whether a line is the trailer ({@code {"end":true,"records":N}}). */
    public boolean isTrailer(String line) {
        return line.startsWith("{\"end\"");
    }

    /** The number of records the trailer announces. */
    public long trailer(String line) {
        JsonNode node = parse(line, "trailer");
        check(trailerSchema, node, "trailer");
        return node.get("records").asLong();
    }

    /** A record, validated, as the state its aggregate's events fold into. */
    public AggregateState record(String line) {
        JsonNode node = parse(line, "record");
        check(recordSchema, node, "record");
        String type = text(node, "aggregateType");
        check(stateSchemas.computeIfAbsent(type, known -> schema(known + ".state.v1.schema.json")), node.get("state"),
            type + " " + text(node, "aggregateId"));
        return state(node);
    }

    /**
     * A record of a snapshot that was validated with {@link #record} when it was stored and is guarded by a
     * checksum since: mapped without validating it again (the schemas' checks are most of the cost of
     * loading a large snapshot). A record that does not map still fails clearly.
     */
    public AggregateState storedRecord(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return storedRecord(bytes, 0, bytes.length);
    }

    /**
     * {@link #storedRecord(String)} for the record that is the UTF-8 line of {@code length} bytes at
     * {@code offset} of {@code bytes}: read where it lies, not decoded into a string first.
     */
    public AggregateState storedRecord(byte[] bytes, int offset, int length) {
        JsonNode node = parse(bytes, offset, length);
        try {
            return state(node);
        } catch (RuntimeException e) {
            if (e instanceof InvalidSnapshotException) {
                throw e;
            }
            throw new InvalidSnapshotException("a stored snapshot record does not map onto a state (" + e + "): "
                + new String(bytes, offset, Math.min(length, 200), StandardCharsets.UTF_8));
        }
    }

    private static AggregateState state(JsonNode node) {
        String type = text(node, "aggregateType");
        String id = text(node, "aggregateId");
        long version = node.get("aggregateVersion").asLong();
        JsonNode state = node.get("state");
        return switch (type) {
            case ConsumerState.TYPE -> new ConsumerState(id, version, name(state.get("name")), optionalText(state, "email"),
                address(state.get("address")));
            case RestaurantState.TYPE -> new RestaurantState(id, version, text(state, "name"), optionalText(state, "cuisine"),
                geoPoint(state.get("location")), address(state.get("address")), openingHours(state.get("openingHours")), menu(state.get("menu")));
            case OrderState.TYPE -> new OrderState(id, version, text(state, "consumerId"), text(state, "restaurantId"),
                OrderState.Status.valueOf(text(state, "status")), optionalText(state, "statusReason"), lineItems(state.get("lineItems")),
                money(state.get("orderTotal")), address(state.get("deliveryAddress")), instant(state, "createdAt"),
                optionalInstant(state, "deliverAt"), instant(state, "updatedAt"));
            case DeliveryState.TYPE -> new DeliveryState(id, version, text(state, "orderId"), text(state, "restaurantId"),
                DeliveryState.Status.valueOf(text(state, "status")), optionalText(state, "courierId"), optionalText(state, "courierName"),
                instant(state, "readyBy"), list(state.get("timeline"), milestone -> new DeliveryState.Milestone(
                    DeliveryState.Status.valueOf(text(milestone, "status")), instant(milestone, "at"))));
            default -> throw new InvalidSnapshotException("unknown aggregate type '" + type + "' in a snapshot record");
        };
    }

    private JsonNode parse(String line, String what) {
        try {
            return object(json.readTree(line), what);
        } catch (JacksonException e) {
            throw new InvalidSnapshotException("the snapshot " + what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    private JsonNode parse(byte[] bytes, int offset, int length) {
        try {
            return object(json.readTree(bytes, offset, length), "record");
        } catch (JacksonException e) {
            throw new InvalidSnapshotException("the snapshot record is not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new InvalidSnapshotException("the snapshot " + what + " is not a JSON object");
        }
        return node;
    }

    private static void check(Schema schema, JsonNode node, String what) {
        List<Error> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new InvalidSnapshotException("snapshot " + what + " breaks its schema: " + errors.stream().limit(5).map(error -> {
                String at = error.getInstanceLocation().toString();
                return (at.isEmpty() ? "" : at + ": ") + error.getMessage();
            }).collect(Collectors.joining("; ")));
        }
    }

    private Schema schema(String name) {
        try (InputStream in = SnapshotReader.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException(ROOT + name + " is not on the class path (panorama-schemas missing?)");
            }
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A snapshot line that is not what the published schemas say. */
    public static final class InvalidSnapshotException extends RuntimeException {

        public InvalidSnapshotException(String message) {
            super(message);
        }
    }
}
