package dev.panorama.queryapi.adapter.in.actuator;

import dev.panorama.queryapi.application.lag.LagReport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/** DOWN while any view is stalled (behind, and its position has not moved for the stall threshold); from the last poll. */
public final class ViewLagHealthIndicator implements HealthIndicator {

    private final LagObserver observer;

    public ViewLagHealthIndicator(LagObserver observer) {
        this.observer = observer;
    }

    @Override
    public Health health() {
        LagReport report = observer.last();
        if (report == null || observer.failure() != null) {
            return Health.unknown().withDetail("reason", "lag not measured yet or Kafka/MongoDB unreachable").build();
        }
        Map<String, Object> views = new LinkedHashMap<>();
        boolean stalled = false;
        for (LagReport.ViewLag view : report.views()) {
            views.put(view.view().id(), view.status().wire());
            stalled |= LagObserver.stalled(view);
        }
        return (stalled ? Health.down() : Health.up()).withDetail("views", views).withDetail("at", report.at().toString()).build();
    }
}
