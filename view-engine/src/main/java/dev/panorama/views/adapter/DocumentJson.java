package dev.panorama.views.adapter;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

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

    private DocumentJson() {
    }

    public static byte[] toBytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
