package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.adapter.in.web.InvalidParametersException.ParameterError;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A request body read strictly, as query parameters are: a JSON object of declared fields only, each of
 * its type, none twice; every problem is a parameter error {@code in: body}, so that one 400 names them
 * all. Read by hand rather than bound to a record, so that a wrong type is a listed error rather than a
 * framework exception, and so that an unknown field cannot be ignored by a mapper setting elsewhere.
 */
final class JsonBody {

    static final int MAX_LENGTH = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private final ObjectNode fields;
    private final List<ParameterError> errors;

    private JsonBody(ObjectNode fields, List<ParameterError> errors) {
        this.fields = fields;
        this.errors = errors;
    }

    /**
     * @param body the raw body; null or blank is an empty object (every field absent)
     * @param contentType the request's {@code Content-Type}: a body must be {@code application/json}
     * @param known the fields the endpoint declares
     */
    static JsonBody read(String body, String contentType, Set<String> known) throws HttpMediaTypeNotSupportedException {
        List<ParameterError> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return new JsonBody(JSON.createObjectNode(), errors);
        }
        if (contentType == null || !isJson(contentType)) {
            throw new HttpMediaTypeNotSupportedException("a request body must be application/json", List.of(MediaType.APPLICATION_JSON));
        }
        if (body.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw invalid("must be one JSON object, each field once: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw invalid("must be a JSON object");
        }
        Set<String> unknown = new TreeSet<>(object.propertyNames());
        unknown.removeAll(known);
        unknown.forEach(name -> errors.add(new ParameterError(shown(name), "body", "unknown field; known: " + new TreeSet<>(known))));
        return new JsonBody(object, errors);
    }

    /** A whole number from {@code min} to {@code max}; null when absent (an error when required) or invalid. */
    Integer integer(String name, int min, int max, boolean required) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            reject(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValue();
    }

    /** A string matching {@code pattern}; null when absent or invalid. */
    String text(String name, Pattern pattern) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || !pattern.matcher(value.stringValue()).matches()) {
            reject(name, "must be a string matching " + pattern.pattern());
            return null;
        }
        return value.stringValue();
    }

    /** {@code true} or {@code false}; {@code absent} when absent, or invalid. */
    boolean bool(String name, boolean absent) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            reject(name, "must be true or false");
            return absent;
        }
        return value.booleanValue();
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
    }

    private void reject(String name, String message) {
        errors.add(new ParameterError(name, "body", message));
    }

    private static InvalidParametersException invalid(String message) {
        return new InvalidParametersException(List.of(new ParameterError("body", "body", message)));
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shown(String name) {
        return name.length() > 50 ? name.substring(0, 50) + "…" : name;
    }
}
