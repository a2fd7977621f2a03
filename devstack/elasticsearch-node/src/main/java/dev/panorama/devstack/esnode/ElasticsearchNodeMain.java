package dev.panorama.devstack.esnode;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Entry point of the Elasticsearch JVM that the devstack forks. Prints {@link #READY_MARKER} with the
 * bound HTTP address once the node is started, and exits when its parent goes away: standard input
 * reaching end-of-file (the parent's end of the pipe closed) or the parent process no longer alive.
 *
 * <p>Arguments: {@code <home> <http-port> <cluster-name> <parent-pid> <ephemeral>}; port 0 picks a free
 * one; an ephemeral home is deleted when the node stops.
 */
public final class ElasticsearchNodeMain {

    public static final String READY_MARKER = "PANORAMA-ELASTICSEARCH-READY";
    public static final String FAILED_MARKER = "PANORAMA-ELASTICSEARCH-FAILED";

    private static final List<Path> ZSTD_CANDIDATES = List.of(
        Path.of("/usr/lib/x86_64-linux-gnu/libzstd.so.1"),
        Path.of("/usr/lib/aarch64-linux-gnu/libzstd.so.1"),
        Path.of("/usr/lib64/libzstd.so.1"),
        Path.of("/usr/lib/libzstd.so.1"),
        Path.of("/lib/x86_64-linux-gnu/libzstd.so.1"),
        Path.of("/opt/homebrew/lib/libzstd.dylib"),
        Path.of("/usr/local/lib/libzstd.dylib")
    );

    private ElasticsearchNodeMain() {
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println(FAILED_MARKER + " usage: <home> <http-port> <cluster-name> <parent-pid> <ephemeral>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int httpPort = Integer.parseInt(args[1]);
        String clusterName = args[2];
        long parentPid = Long.parseLong(args[3]);
        boolean ephemeral = Boolean.parseBoolean(args[4]);
        try {
            Node node = start(home, httpPort, clusterName);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, home, ephemeral), "es-node-shutdown"));
            watchParent(parentPid);
            TransportAddress http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
            System.out.println(READY_MARKER + " " + http.getAddress() + ":" + http.getPort());
            System.out.flush();
            // The node's threads are daemons: the main thread keeps the JVM alive until a watcher or a
            // signal ends it, which runs the shutdown hook.
            new CountDownLatch(1).await();
        } catch (Throwable e) {
            System.out.println(FAILED_MARKER + " " + rootMessage(e));
            e.printStackTrace(System.out);
            System.out.flush();
            if (ephemeral) {
                deleteRecursively(home);
            }
            Runtime.getRuntime().halt(1);
        }
    }

    private static Node start(Path home, int httpPort, String clusterName) throws Exception {
        Path nativeLibs = home.resolve("native");
        Files.createDirectories(home.resolve("config"));
        Files.createDirectories(nativeLibs);
        linkZstd(nativeLibs);
        System.setProperty("es.nativelibs.path", nativeLibs.toString());

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", clusterName)
            .put("node.name", "panorama-devstack")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", 0)
            // The dev machine's disk fill level must not make indexes read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // The node runs with the serial collector on a small heap: the real-memory parent breaker would count
            // garbage not yet collected and refuse bulk requests on a healthy heap (it assumes G1). The breakers
            // that estimate what requests hold stay on.
            .put("indices.breaker.total.use_real_memory", false)
            .put("logger.level", "WARN")
            .build();
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "panorama-devstack");
        Node node = new ClasspathPluginsNode(environment, List.of(Netty4Plugin.class, RootInfoPlugin.class));
        return node.start();
    }

    /** Elasticsearch loads zstd (for best_compression) from its own native library directory. */
    private static void linkZstd(Path nativeLibs) throws IOException {
        Path link = nativeLibs.resolve(System.getProperty("os.name").startsWith("Mac") ? "libzstd.dylib" : "libzstd.so");
        if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Path candidate : ZSTD_CANDIDATES) {
            if (Files.isReadable(candidate)) {
                Files.createSymbolicLink(link, candidate);
                return;
            }
        }
        System.out.println("warning: no libzstd found (looked in " + ZSTD_CANDIDATES
            + "); indexes with best_compression will fail. Install the zstd library (Debian: libzstd1).");
    }

    private static void watchParent(long parentPid) {
        Thread stdinWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // The parent never writes; the read returns -1 once its end of the pipe closes.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same thing as end-of-file.
            }
            System.out.println("parent closed standard input: stopping");
            System.exit(0);
        }, "es-node-parent-stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();

        Thread pidWatch = new Thread(() -> {
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.out.println("parent process " + parentPid + " is gone: stopping");
            System.exit(0);
        }, "es-node-parent-pid-watch");
        pidWatch.setDaemon(true);
        pidWatch.start();
    }

    private static void stop(Node node, Path home, boolean ephemeral) {
        try {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("warning: Elasticsearch node did not close cleanly: " + e);
        }
        if (ephemeral) {
            deleteRecursively(home);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("warning: could not delete " + dir + ": " + e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
