package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.adapter.in.web.InvalidParametersException.ParameterError;
import dev.panorama.queryapi.application.ConsistencyToken;
import dev.panorama.queryapi.application.Ids;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads raw request values into bounded, typed values, collecting every problem so that one 400 names
 * them all. Parameters arrive as strings on purpose: a wrong type is a listed parameter error, not a
 * framework exception.
 */
final class RequestParameters {

    static final int MAX_TEXT = 200;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,4}(\\.\\d{1,12})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private final List<ParameterError> errors = new ArrayList<>();

    void reject(String parameter, String in, String message) {
        errors.add(new ParameterError(parameter, in, message));
    }

    /** Free text: trimmed, null when blank, at most 200 characters, no control characters. */
    String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > MAX_TEXT) {
            reject(name, "query", "must be at most " + MAX_TEXT + " characters");
            return null;
        }
        if (CONTROL.matcher(text).find()) {
            reject(name, "query", "must not contain control characters");
            return null;
        }
        return text;
    }

    UUID uuid(String name, String in, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Ids.uuid(value);
        } catch (IllegalArgumentException e) {
            reject(name, in, "must be a UUID (8-4-4-4-12 hexadecimal digits)");
            return null;
        }
    }

    int integer(String name, String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        if (!INTEGER.matcher(value).matches()) {
            reject(name, "query", "must be a whole number from " + min + " to " + max);
            return absent;
        }
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            reject(name, "query", "must be from " + min + " to " + max);
            return absent;
        }
        return number;
    }

    /** A plain decimal number (no exponent, no NaN) within [min, max]; {@code minExclusive} excludes min. */
    Double decimal(String name, String value, double min, boolean minExclusive, double max, Double absent, boolean required) {
        if (value == null) {
            if (required) {
                reject(name, "query", "is required");
            }
            return absent;
        }
        if (!DECIMAL.matcher(value).matches()) {
            reject(name, "query", "must be a decimal number from " + min + " to " + max);
            return absent;
        }
        double number = Double.parseDouble(value);
        if ((minExclusive ? number <= min : number < min) || number > max) {
            reject(name, "query", "must be " + (minExclusive ? "more than " : "at least ") + min + " and at most " + max);
            return absent;
        }
        return number;
    }

    /** An RFC 3339 instant with a zone offset, from 1970 to 9999. */
    Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = value.length() > 40 ? null : OffsetDateTime.parse(value).toInstant();
            if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                reject(name, "query", "must be an RFC 3339 date-time from 1970 to 9999, e.g. 2026-11-01T00:00:00Z");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            reject(name, "query", "must be an RFC 3339 date-time with an offset, e.g. 2026-11-01T00:00:00Z");
            return null;
        }
    }

    /** A local date-time ({@code 2026-11-30T12:30}); with an offset the local part is taken. */
    LocalDateTime localDateTime(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() <= 40) {
            try {
                return LocalDateTime.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(value).toLocalDateTime();
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
            }
        }
        reject(name, "query", "must be a local date-time such as 2026-11-30T12:30 (restaurant local time)");
        return null;
    }

    <T> T oneOf(String name, String value, Function<String, java.util.Optional<T>> parse, List<String> allowed) {
        if (value == null) {
            return null;
        }
        java.util.Optional<T> parsed = value.length() > 50 ? java.util.Optional.empty() : parse.apply(value);
        if (parsed.isEmpty()) {
            reject(name, "query", "must be one of " + allowed);
            return null;
        }
        return parsed.get();
    }

    /** The token from the {@code X-Consistency-Token} header or the {@code after} parameter (not both, unless equal). */
    ConsistencyToken token(String header, String parameter) {
        if (header != null && parameter != null && !header.equals(parameter)) {
            reject("after", "query", "conflicts with the X-Consistency-Token header; send one of them");
            return null;
        }
        String text = header != null ? header : parameter;
        String name = header != null ? "X-Consistency-Token" : "after";
        if (text == null) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            reject(name, header != null ? "header" : "query", "must be at most " + MAX_TEXT + " characters");
            return null;
        }
        try {
            return ConsistencyToken.parse(text);
        } catch (IllegalArgumentException e) {
            reject(name, header != null ? "header" : "query", "must be <aggregateType>:<aggregateId>:<version>: " + e.getMessage());
            return null;
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
    }
}
