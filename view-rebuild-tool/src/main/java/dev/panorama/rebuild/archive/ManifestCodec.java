package dev.panorama.rebuild.archive;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code manifest.json}: pretty-printed, so that an operator can read it with {@code cat}. */
final class ManifestCodec {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ManifestCodec() {
    }

    static byte[] encode(Manifest manifest, Instant updatedAt) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Manifest.FORMAT);
        root.put("topic", manifest.partition().topic());
        root.put("partition", manifest.partition().partition());
        root.put("generation", manifest.generation());
        root.put("updatedAt", updatedAt.toString());
        root.put("highWaterMark", manifest.highWaterMark());
        ArrayNode segments = root.putArray("segments");
        for (SegmentEntry segment : manifest.segments()) {
            ObjectNode node = segments.addObject();
            node.put("file", segment.file());
            node.put("firstOffset", segment.firstOffset());
            node.put("lastOffset", segment.lastOffset());
            node.put("records", segment.records());
            node.put("bytes", segment.bytes());
            node.put("sha256", segment.sha256());
            node.put("firstTimestamp", segment.firstTimestamp().toString());
            node.put("lastTimestamp", segment.lastTimestamp().toString());
            node.put("createdAt", segment.createdAt().toString());
            if (segment.unaccepted() != null) {
                segment.unaccepted().forEach(node.putArray("unaccepted")::add);
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    /** @param name the object's name, for the message when it cannot be read */
    static Manifest decode(byte[] content, PartitionId expected, String name) {
        try {
            JsonNode root = JSON.readTree(content);
            int format = required(root, "format").asInt();
            if (format != Manifest.FORMAT) {
                throw new ArchiveCorruptedException("manifest " + name + " has format " + format + "; this tool reads format " + Manifest.FORMAT);
            }
            PartitionId partition = new PartitionId(required(root, "topic").asString(), required(root, "partition").asInt());
            if (!partition.equals(expected)) {
                throw new ArchiveCorruptedException("manifest " + name + " describes " + partition + ", not " + expected);
            }
            List<SegmentEntry> segments = new ArrayList<>();
            for (JsonNode node : required(root, "segments")) {
                segments.add(new SegmentEntry(
                    required(node, "file").asString(),
                    required(node, "firstOffset").asLong(),
                    required(node, "lastOffset").asLong(),
                    required(node, "records").asLong(),
                    required(node, "bytes").asLong(),
                    required(node, "sha256").asString(),
                    Instant.parse(required(node, "firstTimestamp").asString()),
                    Instant.parse(required(node, "lastTimestamp").asString()),
                    Instant.parse(required(node, "createdAt").asString()),
                    unaccepted(node.get("unaccepted"))));
            }
            return new Manifest(partition, required(root, "generation").asLong(), segments);
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            throw new ArchiveCorruptedException("manifest " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Absent in segments the archiver did not read with the event reader (and in manifests written before it did). */
    private static List<Long> unaccepted(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("field 'unaccepted' is not an array of offsets");
        }
        List<Long> offsets = new ArrayList<>();
        for (JsonNode offset : node) {
            if (!offset.isIntegralNumber()) {
                throw new IllegalArgumentException("field 'unaccepted' holds " + offset + ", not an offset");
            }
            offsets.add(offset.asLong());
        }
        return offsets;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return value;
    }
}
