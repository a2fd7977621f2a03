package dev.panorama.devstack.mongo;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the MongoDB wire-protocol server in a JVM of its own ({@link ForkedMongoEngine}): starts
 * it on the port given, prints {@link ForkedMongoEngine#READY_MARKER} and the connection string, and stops
 * when its standard input ends, which is when the JVM that forked it goes away, however it went.
 */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws IOException {
        EmbeddedMongoEngine engine;
        try {
            engine = EmbeddedMongoEngine.start(Integer.parseInt(args[0]));
        } catch (RuntimeException e) {
            System.out.println(ForkedMongoEngine.FAILED_MARKER + " " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(ForkedMongoEngine.READY_MARKER + " " + engine.connectionString());
        try (InputStream in = System.in) {
            while (in.read() != -1) {
                // The parent never writes; the read returns -1 once its end of the pipe closes.
            }
        } catch (IOException brokenPipe) {
            // The same as end of input.
        }
        engine.close();
        System.exit(0);
    }
}
