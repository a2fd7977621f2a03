package dev.panorama.queryapi.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** API keys of the tests; the application is configured with their hashes only. */
public final class TestKeys {

    public static final String READER = "test-reader-key-3f9a";
    public static final String OPERATOR = "test-operator-key-77c1";
    public static final String ADMIN = "test-admin-key-b042";

    private TestKeys() {
    }

    public static Map<String, String> reader() {
        return Map.of("X-Api-Key", READER);
    }

    public static Map<String, String> operator() {
        return Map.of("X-Api-Key", OPERATOR);
    }

    public static Map<String, String> admin() {
        return Map.of("X-Api-Key", ADMIN);
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
