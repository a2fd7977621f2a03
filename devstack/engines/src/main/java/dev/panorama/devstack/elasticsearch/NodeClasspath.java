package dev.panorama.devstack.elasticsearch;

import dev.panorama.devstack.EngineStartupException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The class path of the Elasticsearch JVM: the node launcher's own jar (or classes directory) plus the
 * server jars that module declares, as recorded in its {@code node.classpath} resource at build time.
 * Only that resource is on this JVM's class path; the server jars never are.
 */
final class NodeClasspath {

    static final String RESOURCE = "dev/panorama/devstack/esnode/node.classpath";
    static final String MAIN_CLASS = "dev.panorama.devstack.esnode.ElasticsearchNodeMain";

    private NodeClasspath() {
    }

    static List<Path> resolve() {
        URL resource = NodeClasspath.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            throw new EngineStartupException("Elasticsearch: " + RESOURCE + " is not on the class path; add the"
                + " panorama-devstack-elasticsearch-node artifact (build it with ./mvnw -q install -DskipTests -pl devstack -am)");
        }
        List<Path> entries = new ArrayList<>();
        entries.add(launcherLocation(resource));
        try (InputStream in = resource.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String entry : text.split(Pattern.quote(java.io.File.pathSeparator))) {
                if (!entry.isBlank()) {
                    entries.add(Path.of(entry.trim()));
                }
            }
        } catch (IOException e) {
            throw new EngineStartupException("Elasticsearch: could not read " + resource + ": " + e.getMessage(), e);
        }
        List<Path> missing = entries.stream().filter(path -> !Files.exists(path)).toList();
        if (!missing.isEmpty()) {
            throw new EngineStartupException("Elasticsearch: " + missing.size() + " class path entries are missing, first "
                + missing.getFirst() + "; rebuild the devstack (./mvnw -q install -DskipTests -pl devstack -am)");
        }
        return entries;
    }

    /** The jar or classes directory that holds the resource, and with it the launcher classes. */
    static Path launcherLocation(URL resource) {
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                String jar = url.substring("jar:".length(), url.indexOf("!/"));
                return Path.of(new URL(jar).toURI());
            }
            Path file = Path.of(resource.toURI());
            Path root = file;
            for (int i = 0; i < Path.of(RESOURCE).getNameCount(); i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | IOException e) {
            throw new EngineStartupException("Elasticsearch: cannot locate the node launcher from " + resource, e);
        }
    }
}
