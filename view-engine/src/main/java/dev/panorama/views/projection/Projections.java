package dev.panorama.views.projection;

import java.util.List;

/** The demo views of the FTGO domain. */
public final class Projections {

    private Projections() {
    }

    public static List<ViewProjection<?>> all() {
        return List.of(new OrderHistoryProjection(), new OrderDetailsProjection(), new AvailableRestaurantsProjection(),
            new ConsumerSummaryProjection());
    }
}
