package dev.panorama.queryapi.application.lag;

/** How a view or partition is doing, from best to worst. */
public enum LagStatus {
    /** Caught up, or behind by less than the freshness objective. */
    FRESH,
    /** Behind by more than the freshness objective, but moving. */
    LAGGING,
    /** Behind, and the view builder has recorded no progress for longer than the stall threshold. */
    STALLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    LagStatus worst(LagStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
