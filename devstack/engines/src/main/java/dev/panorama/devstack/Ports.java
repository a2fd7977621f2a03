package dev.panorama.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback port checks, so that a taken port fails with a clear line instead of a bind stack trace. */
public final class Ports {

    private Ports() {
    }

    /**
     * Fails when {@code port} is taken on the loopback interface. Port 0 (any free port) always passes.
     *
     * @param engine the engine that wants the port, for the message
     * @param option the command-line option that changes it, for the message
     */
    public static void requireFree(String engine, int port, String option) {
        if (port == 0) {
            return;
        }
        if (port < 0 || port > 65_535) {
            throw new EngineStartupException(engine + ": port " + port + " is not a TCP port (0-65535); change it with " + option);
        }
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new EngineStartupException(engine + ": port " + port + " on 127.0.0.1 is already in use; stop what uses it"
                + " (e.g. `ss -ltnp 'sport = :" + port + "'`) or choose another with " + option);
        }
    }

    /** A port that was free a moment ago, for engines that need a fixed port up front. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new EngineStartupException("could not find a free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }
}
