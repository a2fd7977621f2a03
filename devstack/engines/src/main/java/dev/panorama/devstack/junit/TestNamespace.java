package dev.panorama.devstack.junit;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names that belong to one test class, so that classes sharing the engines never see each other's
 * topics, indexes or databases. The prefix is lower case, starts with a letter and is short enough
 * for every engine's naming rules.
 */
public record TestNamespace(String prefix) {

    private static final int MAX_CLASS_PART = 24;

    public TestNamespace {
        if (!prefix.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException("a namespace prefix is lower-case letters and digits, starting with a letter: " + prefix);
        }
    }

    public static TestNamespace forClass(Class<?> testClass) {
        String simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String classPart = simple.length() > MAX_CLASS_PART ? simple.substring(0, MAX_CLASS_PART) : simple;
        String unique = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        return new TestNamespace("t" + classPart + unique);
    }

    /** A Kafka topic name. */
    public String topic(String name) {
        return prefix + "." + name;
    }

    /** An Elasticsearch index or alias name. */
    public String index(String name) {
        return prefix + "-" + name.toLowerCase(Locale.ROOT);
    }

    /** A PostgreSQL or MongoDB database name. */
    public String database(String name) {
        return prefix + "_" + name.toLowerCase(Locale.ROOT);
    }

    /** A Kafka consumer group id. */
    public String group(String name) {
        return prefix + "." + name;
    }
}
