package dev.panorama.devstack.mongo;

import dev.panorama.devstack.Engine;

/** A running server that speaks the MongoDB wire protocol to the official driver. */
public interface MongoEngine extends Engine {

    /** A connection string such as {@code mongodb://127.0.0.1:27017}. */
    String connectionString();
}
