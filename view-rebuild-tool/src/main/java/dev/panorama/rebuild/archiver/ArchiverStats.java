package dev.panorama.rebuild.archiver;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Records archived and segments sealed since start, per topic; read by the status line. */
final class ArchiverStats {

    private final Map<String, long[]> byTopic = new TreeMap<>();

    synchronized void sealed(String topic, long records) {
        long[] counts = byTopic.computeIfAbsent(topic, key -> new long[2]);
        counts[0] += records;
        counts[1]++;
    }

    synchronized long records() {
        return byTopic.values().stream().mapToLong(counts -> counts[0]).sum();
    }

    synchronized long segments() {
        return byTopic.values().stream().mapToLong(counts -> counts[1]).sum();
    }

    /** {@code 1200 records in 4 segments (ftgo.order.events 800/2, ftgo.consumer.events 400/2)} */
    synchronized String describe() {
        StringJoiner topics = new StringJoiner(", ", " (", ")").setEmptyValue("");
        byTopic.forEach((topic, counts) -> topics.add(topic + " " + counts[0] + "/" + counts[1]));
        return String.format(Locale.ROOT, "%d records in %d segments%s", records(), segments(), topics);
    }
}
