package dev.panorama.queryapi.adapter.out;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Values per key reused for a short time; a failed load is not cached. */
public final class Cached<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final long ttlNanos;
    private final Function<K, V> loader;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public Cached(Duration ttl, Function<K, V> loader) {
        this.ttlNanos = ttl.toNanos();
        this.loader = loader;
    }

    public V get(K key) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry == null || now - entry.loadedAt() >= ttlNanos) {
            entry = new Entry<>(loader.apply(key), now);
            entries.put(key, entry);
        }
        return entry.value();
    }
}
