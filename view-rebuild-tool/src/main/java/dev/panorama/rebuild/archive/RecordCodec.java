package dev.panorama.rebuild.archive;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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

    /**
     * Decodes one line, streaming: no tree, no intermediate text of the whole line (a rebuild decodes a
     * million of them). Fields it does not know are skipped; a field given twice keeps its last value.
     *
     * @throws IllegalArgumentException when the line is not a record
     */
    static ArchivedRecord decode(byte[] buffer, int offset, int length, PartitionId partition) {
        Long recordOffset = null;
        Long timestamp = null;
        byte[] key = null;
        byte[] value = null;
        Map<String, byte[]> headers = new LinkedHashMap<>();
        Map<String, byte[]> binaryHeaders = null;
        try (JsonParser parser = JSON.createParser(buffer, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a record line is a JSON object");
            }
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "offset" -> recordOffset = integer(parser, token);
                    case "timestamp" -> timestamp = integer(parser, token);
                    case "key" -> key = token == JsonToken.VALUE_NULL ? null : text(parser, token, field).getBytes(StandardCharsets.UTF_8);
                    case "keyBase64" -> key = token == JsonToken.VALUE_NULL ? null : Base64.getDecoder().decode(text(parser, token, field));
                    case "value" -> value = token == JsonToken.VALUE_NULL ? null : text(parser, token, field).getBytes(StandardCharsets.UTF_8);
                    case "valueBase64" -> value = token == JsonToken.VALUE_NULL ? null : Base64.getDecoder().decode(text(parser, token, field));
                    case "headers" -> headers(parser, token, headers, false);
                    case "headersBase64" -> {
                        binaryHeaders = new LinkedHashMap<>();
                        headers(parser, token, binaryHeaders, true);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("a record line holds one JSON object and nothing after it");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a JSON record line: " + e.getOriginalMessage(), e);
        }
        if (recordOffset == null || timestamp == null) {
            throw new IllegalArgumentException("a record line needs integer 'offset' and 'timestamp'");
        }
        if (binaryHeaders != null) {
            headers.putAll(binaryHeaders);
        }
        return new ArchivedRecord(partition, recordOffset, timestamp, key, headers, value);
    }

    private static Long integer(JsonParser parser, JsonToken token) {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("a record line needs integer 'offset' and 'timestamp'");
        }
        return parser.getLongValue();
    }

    private static String text(JsonParser parser, JsonToken token, String field) {
        if (token != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("'" + field + "' is a string in a record line, not " + token);
        }
        return parser.getString();
    }

    private static void headers(JsonParser parser, JsonToken token, Map<String, byte[]> into, boolean base64) {
        if (token != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("'headers' is an object in a record line, not " + token);
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken header = parser.nextToken();
            if (header == JsonToken.VALUE_NULL) {
                into.put(name, null);
            } else {
                String text = text(parser, header, "headers." + name);
                into.put(name, base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8));
            }
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
