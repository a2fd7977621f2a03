package dev.panorama.devstack.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class against real engines: parameters of type {@code KafkaEngine},
 * {@code ElasticsearchEngine}, {@code PostgresEngine}, {@code MongoEngine}, {@code Engines} and
 * {@link TestNamespace} are resolved. Embedded engines here, official images where Docker runs.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealEnginesExtension.class)
public @interface RealEngines {
}
