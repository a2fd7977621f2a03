package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.List;

/**
 * A real Elasticsearch node whose plugins (the Netty4 HTTP transport and our own) come from the
 * class path. The node construction hooks it needs are package-private, hence this package.
 * Started directly, the node skips the bootstrap checks of a production launch; it is for tests
 * and dev mode only.
 */
public final class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Environment environment, List<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, ClasspathPluginsService.emptyLoader(), new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader loader) {
                return new ClasspathPluginsService(env, plugins);
            }
        }, true));
    }
}
