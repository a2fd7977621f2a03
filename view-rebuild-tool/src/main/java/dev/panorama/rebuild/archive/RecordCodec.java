package dev.panorama.rebuild.archive;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record as one JSON line. Bytes that are valid UTF-8 are written as a JSON string ({@code key},
 * {@code value}, {@code headers}), anything else as base64 in a field of its own ({@code keyBase64},
 * {@code valueBase64}, {@code headersBase64}); a {@code null} key or value is left out, a {@code null}
 * header value is a JSON {@code null}. Either way the bytes read back are the bytes written.
 */
final class RecordCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordCodec() {
    }

    static byte[] encode(ArchivedRecord record) {
        ObjectNode line = JSON.createObjectNode();
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp());
        putBytes(line, "key", record.key());
        ObjectNode headers = line.putObject("headers");
        ObjectNode binaryHeaders = null;
        for (Map.Entry<String, byte[]> header : record.headers().entrySet()) {
            String text = header.getValue() == null ? null : utf8(header.getValue());
            if (header.getValue() == null || text != null) {
                headers.put(header.getKey(), text);
            } else {
                if (binaryHeaders == null) {
                    binaryHeaders = JSON.createObjectNode();
                }
                binaryHeaders.put(header.getKey(), Base64.getEncoder().encodeToString(header.getValue()));
            }
        }
        if (binaryHeaders != null) {
            line.set("headersBase64", binaryHeaders);
        }
        putBytes(line, "value", record.value());
        return JSON.writeValueAsBytes(line);
    }

    /** @throws IllegalArgumentException when the line is not a record */
    static ArchivedRecord decode(String line, PartitionId partition) {
        try {
            JsonNode node = JSON.readTree(line);
            JsonNode offset = node.get("offset");
            JsonNode timestamp = node.get("timestamp");
            if (offset == null || !offset.isIntegralNumber() || timestamp == null || !timestamp.isIntegralNumber()) {
                throw new IllegalArgumentException("a record line needs integer 'offset' and 'timestamp'");
            }
            Map<String, byte[]> headers = new LinkedHashMap<>();
            JsonNode textHeaders = node.get("headers");
            if (textHeaders != null) {
                for (Map.Entry<String, JsonNode> header : textHeaders.properties()) {
                    headers.put(header.getKey(), header.getValue().isNull() ? null : header.getValue().asString().getBytes(StandardCharsets.UTF_8));
                }
            }
            JsonNode binaryHeaders = node.get("headersBase64");
            if (binaryHeaders != null) {
                for (Map.Entry<String, JsonNode> header : binaryHeaders.properties()) {
                    headers.put(header.getKey(), Base64.getDecoder().decode(header.getValue().asString()));
                }
            }
            return new ArchivedRecord(partition, offset.asLong(), timestamp.asLong(), bytes(node, "key"), headers, bytes(node, "value"));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON record line: " + e.getOriginalMessage(), e);
        }
    }

    private static void putBytes(ObjectNode line, String field, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        String text = utf8(bytes);
        if (text != null) {
            line.put(field, text);
        } else {
            line.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    private static byte[] bytes(JsonNode node, String field) {
        JsonNode text = node.get(field);
        if (text != null && !text.isNull()) {
            return text.asString().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode base64 = node.get(field + "Base64");
        return base64 == null || base64.isNull() ? null : Base64.getDecoder().decode(base64.asString());
    }

    /** The text, when the bytes are valid UTF-8 (so that they survive the round trip exactly); else null. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
