package dev.panorama.views.adapter.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.panorama.views.adapter.ViewMappings;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

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
        try {
            if (client.indices().exists(exists -> exists.index(alias)).value()) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checking alias " + alias + " failed: " + e.getMessage(), e);
        }
        create(client, alias, view, version, replicas, true);
    }

    /** Makes sure index {@code <alias>-v<version>} exists (without the alias: a version being built is not read yet). */
    public static void ensureVersion(ElasticsearchClient client, String alias, String view, int version, int replicas) {
        try {
            if (client.indices().exists(exists -> exists.index(indexName(alias, version))).value()) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checking index " + indexName(alias, version) + " failed: " + e.getMessage(), e);
        }
        create(client, alias, view, version, replicas, false);
    }

    /** {@code order-history-v2}: the concrete index of one version behind the view's alias. */
    public static String indexName(String alias, int version) {
        return alias + "-v" + version;
    }

    /**
     * Points {@code alias} at version {@code to}'s index and away from every other, in one {@code _aliases}
     * request: readers see the old version or the new one, never neither.
     */
    public static void switchAlias(ElasticsearchClient client, String alias, int to) {
        String target = indexName(alias, to);
        try {
            var current = client.indices().getAlias(get -> get.name(alias).ignoreUnavailable(true).allowNoIndices(true)).aliases().keySet();
            client.indices().updateAliases(update -> {
                current.stream().filter(index -> !index.equals(target))
                    .forEach(index -> update.actions(action -> action.remove(remove -> remove.index(index).alias(alias))));
                return update.actions(action -> action.add(add -> add.index(target).alias(alias)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("switching alias " + alias + " to " + target + " failed: " + e.getMessage(), e);
        }
    }

    private static void create(ElasticsearchClient client, String alias, String view, int version, int replicas, boolean withAlias) {
        String index = indexName(alias, version);
        try {
            ObjectNode body = (ObjectNode) ViewMappings.require(view, version, "elasticsearch");
            body.remove("$comment");
            body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", replicas);
            if (withAlias) {
                body.putObject("aliases").putObject(alias);
            }
            client.indices().create(create -> create.index(index).withJson(new StringReader(body.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("creating index " + index + " failed: " + e.getMessage(), e);
        }
    }
}
