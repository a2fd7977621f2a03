package dev.panorama.viewbuilder.scenario;

import dev.panorama.viewbuilder.ViewBuilderApplication;
import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.InputStream;

/**
 * The view builder as a child JVM of a scenario test: the real application, plus a watch on standard
 * input (a pipe from the test JVM) so that it never outlives the test, not even after a {@code kill -9}
 * of the test JVM. Prints {@link #STARTED} once the application context is up.
 */
public final class ViewBuilderProcessMain {

    static final String STARTED = "PANORAMA-VIEW-BUILDER-STARTED";

    private ViewBuilderProcessMain() {
    }

    public static void main(String[] args) {
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // The test JVM never writes; end-of-file means it is gone.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same.
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        SpringApplication.run(ViewBuilderApplication.class, args);
        System.out.println(STARTED);
        System.out.flush();
    }
}
