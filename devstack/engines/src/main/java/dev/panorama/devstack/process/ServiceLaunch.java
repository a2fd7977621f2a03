package dev.panorama.devstack.process;

import dev.panorama.devstack.EngineStartupException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to run one of the platform's Spring Boot services from its executable jar: its name (for logs and
 * messages), the jar, the JVM's heap, environment variables and command-line arguments, and whether it
 * starts from a class-data sharing archive. Dev mode passes the engines through the environment; tests
 * usually pass Spring properties as {@code --key=value}.
 */
public record ServiceLaunch(String name, Path jar, String heap, Map<String, String> environment, List<String> arguments,
                            boolean classDataSharing) {

    public static final String DEFAULT_HEAP = "384m";

    public ServiceLaunch {
        environment = Map.copyOf(environment);
        arguments = List.copyOf(arguments);
    }

    public static ServiceLaunch of(String name, Path jar) {
        return new ServiceLaunch(name, jar, DEFAULT_HEAP, Map.of(), List.of(), false);
    }

    /**
     * A service whose jar a system property names: the build sets it for the tests (failsafe's
     * {@code systemPropertyVariables} with a path from {@code maven-dependency-plugin:properties}).
     */
    public static ServiceLaunch ofJarProperty(String name, String property) {
        String jar = System.getProperty(property);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new EngineStartupException("system property " + property + " does not name a jar: " + jar
                + "; run the test through Maven, which sets it to the " + name + " jar of the reactor");
        }
        return of(name, Path.of(jar));
    }

    public ServiceLaunch heap(String maximum) {
        return new ServiceLaunch(name, jar, maximum, environment, arguments, classDataSharing);
    }

    public ServiceLaunch environment(Map<String, String> variables) {
        return new ServiceLaunch(name, jar, heap, variables, arguments, classDataSharing);
    }

    /** Spring properties, passed as {@code --key=value} arguments (they override the jar's application.yml). */
    public ServiceLaunch properties(Map<String, String> properties) {
        List<String> all = new ArrayList<>(arguments);
        properties.forEach((key, value) -> all.add("--" + key + "=" + value));
        return new ServiceLaunch(name, jar, heap, environment, all, classDataSharing);
    }

    /**
     * Starts from a class-data sharing archive ({@link ClassDataSharing}). For dev mode, which runs each
     * jar once: the JVM writes the archive at exit, not atomically, so JVMs of one jar that exit together
     * (tests) must not share it.
     */
    public ServiceLaunch withClassDataSharing() {
        return new ServiceLaunch(name, jar, heap, environment, arguments, true);
    }
}
