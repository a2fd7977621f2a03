package dev.panorama.queryapi.adapter.out.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.panorama.queryapi.adapter.out.Cached;
import dev.panorama.queryapi.application.StoreUnavailableException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version behind an Elasticsearch view's alias: queries always go through the alias (a rebuild
 * switches it atomically), and the index it points at, {@code <alias>-v<N>}, names the version.
 */
public final class ElasticsearchViewVersions {

    private static final Pattern VERSIONED = Pattern.compile(".*-v(\\d+)$");

    private final Cached<String, Integer> versions;

    public ElasticsearchViewVersions(ElasticsearchClient client, Duration cacheTtl) {
        this.versions = new Cached<>(cacheTtl, alias -> ElasticsearchStores.call("resolving alias " + alias, () -> {
            var indexes = client.indices().getAlias(get -> get.name(alias)).aliases().keySet();
            if (indexes.size() != 1) {
                throw new StoreUnavailableException("alias " + alias + " points at " + indexes.size() + " indexes", null);
            }
            Matcher matcher = VERSIONED.matcher(indexes.iterator().next());
            return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 1;
        }));
    }

    public int version(String alias) {
        return versions.get(alias);
    }
}
