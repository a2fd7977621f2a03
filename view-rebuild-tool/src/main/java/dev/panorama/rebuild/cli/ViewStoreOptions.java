package dev.panorama.rebuild.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.panorama.rebuild.switchover.RebuildCheckpoints;
import dev.panorama.rebuild.views.LiveGroup;
import dev.panorama.rebuild.views.ViewStores;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Option;

import java.util.Map;

/** Where the views, their registry and the live view builder's group are: the same settings as the view builder's. */
final class ViewStoreOptions {

    @Option(names = "--elasticsearch-url", defaultValue = "${env:ELASTICSEARCH_URIS:-http://127.0.0.1:19200}", paramLabel = "URL",
        description = "Elasticsearch. Default: ${DEFAULT-VALUE} (environment ELASTICSEARCH_URIS; 19200 is dev mode's).")
    String elasticsearchUrl;

    @Option(names = "--elasticsearch-username", defaultValue = "${env:SPRING_ELASTICSEARCH_USERNAME}", paramLabel = "USER",
        description = "Elasticsearch user, if security is on (environment SPRING_ELASTICSEARCH_USERNAME).")
    String elasticsearchUsername;

    /** From the environment only: a password on the command line ends up in shell histories and process lists. */
    private final String elasticsearchPassword = System.getenv("SPRING_ELASTICSEARCH_PASSWORD");

    @Option(names = "--mongodb-uri", defaultValue = "${env:MONGODB_URI:-mongodb://127.0.0.1:17017}", paramLabel = "URI",
        description = "MongoDB. Default: ${DEFAULT-VALUE} (environment MONGODB_URI; 17017 is dev mode's).")
    String mongodbUri;

    @Option(names = "--database", defaultValue = "panorama", paramLabel = "NAME",
        description = "The view builder's MongoDB database (states, registry, MongoDB views). Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:19092}", paramLabel = "HOST:PORT[,...]",
        description = "Kafka brokers. Default: ${DEFAULT-VALUE} (environment KAFKA_BOOTSTRAP_SERVERS; 19092 is dev mode's).")
    String bootstrapServers;

    @Option(names = "--group-id", defaultValue = "panorama-view-builder", paramLabel = "ID",
        description = "The live view builder's consumer group. Default: ${DEFAULT-VALUE}.")
    String groupId;

    @Option(names = "--name-prefix", defaultValue = "", paramLabel = "PREFIX",
        description = "The view builder's prefix of index, alias and collection names (panorama.view-builder.name-prefix). Default: none.")
    String namePrefix;

    @Option(names = "--topic-prefix", defaultValue = "", paramLabel = "PREFIX",
        description = "The view builder's prefix of topic names (panorama.view-builder.topic-prefix). Default: none.")
    String topicPrefix;

    @Option(names = "--index-replicas", defaultValue = "0", paramLabel = "N",
        description = "Replicas of a new version's index (0 on a single node). Default: ${DEFAULT-VALUE}.")
    int indexReplicas;

    Connections connect() {
        MongoClient mongo = MongoClients.create(mongodbUri);
        ElasticsearchClient elasticsearch = ElasticsearchClient.of(config -> {
            config.host(elasticsearchUrl);
            if (elasticsearchUsername != null && !elasticsearchUsername.isBlank()) {
                config.usernameAndPassword(elasticsearchUsername, elasticsearchPassword == null ? "" : elasticsearchPassword);
            }
            return config;
        });
        ViewStores stores = new ViewStores(elasticsearch, mongo.getDatabase(database), namePrefix, indexReplicas);
        return new Connections(mongo, elasticsearch, stores, new RebuildCheckpoints(mongo.getDatabase(database), namePrefix), this);
    }

    LiveGroup liveGroup() {
        return new LiveGroup(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG, "panorama-view-rebuild-tool"), groupId);
    }

    /** The open clients of one command run. */
    record Connections(MongoClient mongo, ElasticsearchClient elasticsearch, ViewStores stores, RebuildCheckpoints checkpoints,
                       ViewStoreOptions options) implements AutoCloseable {

        @Override
        public void close() {
            try {
                elasticsearch._transport().close();
            } catch (Exception e) {
                // Closing on the way out: nothing left to save.
            }
            mongo.close();
        }
    }
}
