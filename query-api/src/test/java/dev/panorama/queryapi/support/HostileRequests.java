package dev.panorama.queryapi.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded generator of hostile requests: query-language and operator injections, control characters,
 * huge and malformed numbers, forged cursors, wrong types, and hostile parameter names, mixed with valid
 * values so that requests also get past validation. The same seed draws the same requests, so a failure
 * names the seed that reproduces it.
 */
public final class HostileRequests {

    /** One GET: the endpoint template, the value for its path variable, its query, and a consistency token ("" for none). */
    public record Request(String endpoint, String pathValue, Map<String, String> query, String token) {
    }

    public static final List<String> INJECTIONS = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}",
        "[$gt]=", "*", "*:*", "restaurantName:* OR consumerId:*", "\" OR \"\"=\"", "' OR 1=1 --", "'; db.dropDatabase(); '",
        "{\"query\":{\"match_all\":{}}}", "{\"script\":{\"source\":\"ctx._source\"}}", "\\u0000", "\u0000", "\n\r", "%00", "%",
        "../../etc/passwd", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "a".repeat(201), "é".repeat(150), "🍜".repeat(99),
        "99999999999999999999999", "-1", "0", "1e308", "NaN", "Infinity", "-0", "0x10", "1.7976931348623157E309", "true", "null", "[]",
        "{}", "2026-13-45T25:61:00Z", "+1000000000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2026-11-01", "2026-11-30T12:30",
        "order:not-a-uuid:1", "pizza:00000000-0000-4000-8000-000000000000:1", "-createdAt,orderId", "_id", "sourceVersions");
    private static final List<String> HOSTILE_NAMES = List.of("$where", "q[$gt]", "size[]", "__proto__", "query", "filter", "sort.field", "_source");

    private final SplittableRandom random;
    private final Map<String, List<String>> parameters;
    private final Map<String, List<Map<String, String>>> filters;
    private final List<String> valid;
    private final List<String> pathValues;
    private final List<String> validTokens;

    /**
     * @param parameters each endpoint's known parameter names
     * @param filters each endpoint's caller filters (often valid), one of which every request starts from
     * @param valid values that pass validation, so that hostile parts are mixed into otherwise good requests
     * @param pathValues path variables that exist
     * @param validTokens consistency tokens that are well-formed
     */
    public HostileRequests(long seed, Map<String, List<String>> parameters, Map<String, List<Map<String, String>>> filters,
                           List<String> valid, List<String> pathValues, List<String> validTokens) {
        this.random = new SplittableRandom(seed);
        this.parameters = Map.copyOf(parameters);
        this.filters = Map.copyOf(filters);
        this.valid = List.copyOf(valid);
        this.pathValues = List.copyOf(pathValues);
        this.validTokens = List.copyOf(validTokens);
    }

    /** A caller's filter plus up to three parameters with hostile names or values on top. */
    public Request next() {
        List<String> endpoints = parameters.keySet().stream().sorted().toList();
        String endpoint = pick(endpoints);
        String pathValue = weighted(2, this::value, 1, () -> pick(pathValues));
        Map<String, String> query = new LinkedHashMap<>(pick(filters.getOrDefault(endpoint, List.of(Map.of()))));
        int extra = random.nextInt(4);
        List<String> known = parameters.get(endpoint).isEmpty() ? List.of("x") : parameters.get(endpoint);
        for (int i = 0; i < extra; i++) {
            String name = weighted(6, () -> pick(known), 1, this::hostileName);
            query.put(name, value());
        }
        String token = weighted(12, () -> "", 1, () -> pick(INJECTIONS.stream().filter(HostileRequests::printable).toList()), 1, () -> pick(validTokens));
        return new Request(endpoint, pathValue, query, token);
    }

    private String value() {
        int choice = random.nextInt(25);
        if (choice < 6) {
            return pick(INJECTIONS);
        } else if (choice < 8) {
            return anyText(250);
        } else if (choice < 10) {
            return printableText(40);
        } else if (choice < 11) {
            return Long.toString(random.nextLong());
        } else if (choice < 12) {
            return Double.toString(Double.longBitsToDouble(random.nextLong()));
        } else if (choice < 13) {
            return Base64.getUrlEncoder().encodeToString(("c1|-createdAt|0|1|" + anyText(60)).getBytes(StandardCharsets.UTF_8));
        }
        return pick(valid);
    }

    private String hostileName() {
        return random.nextBoolean() ? pick(HOSTILE_NAMES) : letters(1 + random.nextInt(12));
    }

    /** Any code points of the Basic Multilingual Plane but surrogates: control characters, combining marks, right-to-left… */
    private String anyText(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        while (text.length() < length) {
            int c = random.nextInt(0x10000);
            if (c < 0xD800 || c > 0xDFFF) {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    private String printableText(int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append((char) (' ' + random.nextInt('~' - ' ' + 1)));
        }
        return text.toString();
    }

    private String letters(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char base = random.nextBoolean() ? 'a' : 'A';
            text.append((char) (base + random.nextInt(26)));
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T weighted(int first, Supplier<T> a, int second, Supplier<T> b) {
        return random.nextInt(first + second) < first ? a.get() : b.get();
    }

    private <T> T weighted(int first, Supplier<T> a, int second, Supplier<T> b, int third, Supplier<T> c) {
        int roll = random.nextInt(first + second + third);
        return roll < first ? a.get() : roll < first + second ? b.get() : c.get();
    }

    /** Header values must be printable ASCII for the HTTP client to send them at all. */
    private static boolean printable(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
