package dev.panorama.devstack.dev;

import java.nio.file.Path;

/** A service dev mode runs ({@code --service NAME=JAR}): its name and its executable jar. */
record ServiceSpec(String name, Path jar) {

    static ServiceSpec parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new IllegalArgumentException("--service takes NAME=JAR, not " + text);
        }
        return new ServiceSpec(text.substring(0, equals), Path.of(text.substring(equals + 1)));
    }
}
