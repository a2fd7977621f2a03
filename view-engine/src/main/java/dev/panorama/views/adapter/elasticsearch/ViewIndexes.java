package dev.panorama.viewbuilder.adapter.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.panorama.viewbuilder.adapter.DocumentJson;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Creates a view's versioned index from its published mapping
 * ({@code schemas/views/<view>.v<N>.elasticsearch.json}) behind the alias readers and writers use, so that
 * a rebuild can later switch the alias to another version. Shards and replicas are deployment settings,
 * not part of the contract.
 */
public final class ViewIndexes {

    private ViewIndexes() {
    }

    /**
     * Makes sure {@code alias} exists, creating index {@code <alias>-v<version>} with the view's published
     * mapping behind it when it does not.
     */
    public static void ensure(ElasticsearchClient client, String alias, String view, int version, int replicas) {
        String resource = "panorama/schemas/views/" + view + ".v" + version + ".elasticsearch.json";
        String index = alias + "-v" + version;
        try {
            if (client.indices().exists(exists -> exists.index(alias)).value()) {
                return;
            }
            ObjectNode body = (ObjectNode) DocumentJson.MAPPER.readTree(read(resource));
            body.remove("$comment");
            body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", replicas);
            body.putObject("aliases").putObject(alias);
            client.indices().create(create -> create.index(index).withJson(new StringReader(body.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("creating index " + index + " failed: " + e.getMessage(), e);
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ViewIndexes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
