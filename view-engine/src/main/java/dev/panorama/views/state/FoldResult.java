package dev.panorama.views.state;

/** What applying one event to its aggregate's state gave. */
public sealed interface FoldResult {

    /** The event moved the state one version on. */
    record Applied(AggregateState state) implements FoldResult {
    }

    /** A duplicate or an older event: the state already includes it. A normal outcome under at-least-once delivery. */
    record AlreadyApplied(AggregateState state) implements FoldResult {
    }

    /**
     * Earlier versions of this aggregate are missing (an event before it was dead-lettered, or lost):
     * applying it would skip them, so it must wait behind them.
     */
    record MissingHistory(long expectedVersion, long actualVersion) implements FoldResult {
    }

    /** The event carries no aggregate state (a heartbeat). */
    record NoState() implements FoldResult {
    }
}
