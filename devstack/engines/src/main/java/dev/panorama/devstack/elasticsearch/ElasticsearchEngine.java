package dev.panorama.devstack.elasticsearch;

import dev.panorama.devstack.Engine;

/** A running single-node Elasticsearch, reachable over plain HTTP. */
public interface ElasticsearchEngine extends Engine {

    /** The base URL, such as {@code http://127.0.0.1:9200}. */
    String httpUrl();
}
