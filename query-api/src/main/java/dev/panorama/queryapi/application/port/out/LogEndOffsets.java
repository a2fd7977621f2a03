package dev.panorama.queryapi.application.port.out;

import java.util.Collection;
import java.util.Map;

/** The end of the log (next offset to be written, committed records only) of every partition of the topics. */
public interface LogEndOffsets {

    record Partition(String topic, int partition) {
    }

    Map<Partition, Long> latest(Collection<String> topics);
}
