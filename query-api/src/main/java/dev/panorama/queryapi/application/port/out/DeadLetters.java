package dev.panorama.queryapi.application.port.out;

import dev.panorama.queryapi.application.admin.DeadLetterSummary;

import java.util.Map;
import java.util.Optional;

/** The view builder's dead-letter topic and the redrive that replays it. */
public interface DeadLetters {

    /** What a redrive would take, counted from at most {@code maxScanned} letters. */
    DeadLetterSummary waiting(int maxScanned);

    /** Replays the letters (of one reason, or all) up to the current end; per reason, how many went (or would go) back. */
    Map<String, Integer> redrive(Optional<String> reason, boolean dryRun);
}
