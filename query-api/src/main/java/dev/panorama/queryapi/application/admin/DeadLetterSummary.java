package dev.panorama.queryapi.application.admin;

import java.util.List;

/**
 * The dead letters a redrive would take: those after the redrive group's committed offsets, up to the log end.
 *
 * @param topic the dead-letter topic
 * @param redriveGroup the consumer group whose committed offsets mark what was redriven already
 * @param waiting how many letters wait, from the offsets (exact, whatever the scan limit)
 * @param scanned how many of them were read to count them by reason and original topic
 * @param truncated the scan limit stopped the count early: {@code counts} cover only {@code scanned} letters
 * @param counts per reason and original topic, sorted
 */
public record DeadLetterSummary(String topic, String redriveGroup, long waiting, long scanned, boolean truncated, List<DeadLetterCount> counts) {

    /** @param originalTopic the topic the letter came from, null when it lacks the header (a redrive skips it) */
    public record DeadLetterCount(String reason, String originalTopic, int count) {
    }
}
