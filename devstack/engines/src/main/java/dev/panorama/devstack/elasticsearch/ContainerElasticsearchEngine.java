package dev.panorama.devstack.elasticsearch;

import org.testcontainers.elasticsearch.ElasticsearchContainer;

/**
 * The official Elasticsearch image, through Testcontainers. Security is switched off for this
 * throw-away test container only, so that tests talk plain HTTP to both this and the embedded node;
 * {@code docker-compose.yml} runs Elasticsearch with security on.
 */
public final class ContainerElasticsearchEngine implements ElasticsearchEngine {

    public static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.2.2";

    private final ElasticsearchContainer container;

    private ContainerElasticsearchEngine(ElasticsearchContainer container) {
        this.container = container;
    }

    public static ContainerElasticsearchEngine start() {
        ElasticsearchContainer container = new ElasticsearchContainer(IMAGE)
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
            .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false");
        container.start();
        return new ContainerElasticsearchEngine(container);
    }

    @Override
    public String httpUrl() {
        return "http://" + container.getHttpHostAddress();
    }

    @Override
    public String describe() {
        return "Elasticsearch (container " + IMAGE + ") at " + httpUrl();
    }

    @Override
    public void close() {
        container.stop();
    }
}
