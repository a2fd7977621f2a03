package dev.panorama.rebuild.archive;

import java.util.List;

/**
 * The outcome of checking every segment of a partition against its manifest.
 *
 * @param problems one line per segment that is corrupted or missing, naming it; empty when all is well
 */
public record PartitionCheck(PartitionId partition, int segmentsChecked, List<String> problems) {

    public PartitionCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
