package dev.panorama.queryapi.application;

import java.time.Instant;

/**
 * A rebuild of a view version as the rebuild tool checkpoints it.
 *
 * @param phase the step completed or under way, as the tool names it ({@code REGISTERED} … {@code SWITCHED}, {@code ABANDONED});
 *              kept as text so that a phase the tool adds later does not break the lag report
 * @param startedAt when the rebuild was started, or null when the checkpoint lacks it
 * @param updatedAt when the checkpoint was last saved, or null when it lacks it
 * @param progress the current step's progress, or null before the tool recorded any
 */
public record Rebuild(int version, String phase, Instant startedAt, Instant updatedAt, Progress progress) {

    /**
     * @param step {@code fold} (events replayed) or {@code write} (documents written)
     * @param done units of the step done so far, of {@code total}
     * @param perSecond the recent rate, units per second
     * @param etaSeconds the estimated time left for the step
     * @param at when the tool recorded these figures, or null when the progress lacks it
     */
    public record Progress(String step, long done, long total, long perSecond, long etaSeconds, Instant at) {
    }
}
