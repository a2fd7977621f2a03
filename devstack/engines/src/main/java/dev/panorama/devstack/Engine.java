package dev.panorama.devstack;

/** A running engine: real software listening on a socket, stopped by {@link #close()}. */
public interface Engine extends AutoCloseable {

    /** One line naming the engine, how it runs (embedded or container) and where it listens. */
    String describe();

    @Override
    void close();
}
