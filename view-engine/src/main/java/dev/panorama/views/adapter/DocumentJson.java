package dev.panorama.views.adapter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How documents and states become JSON in the stores: instants as RFC 3339 strings, decimals as
 * strings (a store's floating-point number would round money), null fields left out.
 */
public final class DocumentJson {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
        .withConfigOverride(BigDecimal.class, override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
        // Absent, not null: the same document bytes whichever store holds it.
        .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private DocumentJson() {
    }

    public static byte[] toBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** The value as the map its JSON would parse into (nested maps and lists, strings, numbers, booleans). */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, MAP);
    }

    /** A map such as a store's decoded document, read as {@code type} the way its JSON text would be. */
    public static <T> T fromMap(Map<String, ?> map, Class<T> type) {
        return MAPPER.convertValue(map, type);
    }
}
