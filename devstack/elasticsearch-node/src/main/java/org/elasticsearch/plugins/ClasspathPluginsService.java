package org.elasticsearch.plugins;

import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plugins service whose plugins are classes on the class path instead of bundles in a
 * distribution's {@code modules/} directory. It lives in this package because the loaded-plugin
 * record and the plugin factory it needs are package-private.
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Environment environment, List<Class<? extends Plugin>> pluginClasses) {
        super(environment.settings(), environment.configDir(), emptyLoader());
        Settings settings = environment.settings();
        List<LoadedPlugin> loaded = pluginClasses.stream()
            .map(type -> new LoadedPlugin(describe(type), loadPlugin(type, settings, environment.configDir()), type.getClassLoader()))
            .toList();
        loadExtensions(loaded);
        this.classpathPlugins = loaded;
    }

    /** A loader with no module or plugin bundles: nothing is read from disk. */
    public static PluginsLoader emptyLoader() {
        return PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(
            classpathPlugins.stream().map(LoadedPlugin::descriptor).map(PluginRuntimeInfo::new).toList(),
            List.of()
        );
    }

    private static PluginDescriptor describe(Class<? extends Plugin> type) {
        return new PluginDescriptor(
            type.getName(),
            "loaded from the class path",
            "NA",
            org.elasticsearch.Build.current().version(),
            Integer.toString(Runtime.version().feature()),
            type.getName(),
            null,
            List.of(),
            false,
            false,
            false,
            false
        );
    }
}
