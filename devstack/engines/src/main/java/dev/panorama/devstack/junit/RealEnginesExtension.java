package dev.panorama.devstack.junit;

import dev.panorama.devstack.Engines;
import dev.panorama.devstack.elasticsearch.ElasticsearchEngine;
import dev.panorama.devstack.kafka.KafkaEngine;
import dev.panorama.devstack.mongo.MongoEngine;
import dev.panorama.devstack.postgres.PostgresEngine;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;
import java.util.function.Function;

/**
 * Hands real engines and a per-class {@link TestNamespace} to test constructors and methods. Engines
 * are shared by the whole test JVM and start on first use, so a class asks only for what it needs.
 */
public final class RealEnginesExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(RealEnginesExtension.class);

    private static final Map<Class<?>, Function<Engines, Object>> ENGINES = Map.of(
        KafkaEngine.class, Engines::kafka,
        ElasticsearchEngine.class, Engines::elasticsearch,
        PostgresEngine.class, Engines::postgres,
        MongoEngine.class, Engines::mongo,
        Engines.class, engines -> engines
    );

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestNamespace.class || ENGINES.containsKey(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestNamespace.class) {
            Class<?> testClass = context.getRequiredTestClass();
            return context.getRoot().getStore(STORE)
                .computeIfAbsent(testClass, TestNamespace::forClass, TestNamespace.class);
        }
        try {
            // Kept in the root store, the engines are closed when the test plan ends, before the JVM's
            // shutdown hooks (the fallback) race with the engines' own clean-up hooks.
            Engines engines = context.getRoot().getStore(STORE).computeIfAbsent(Engines.class, key -> Engines.shared(), Engines.class);
            return ENGINES.get(type).apply(engines);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(type.getSimpleName() + " could not be started: " + e.getMessage(), e);
        }
    }
}
