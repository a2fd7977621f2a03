package dev.panorama.queryapi.adapter.in.actuator;

import dev.panorama.queryapi.application.lag.LagMonitor;
import dev.panorama.queryapi.application.lag.LagReport;
import dev.panorama.queryapi.application.lag.LagStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls the lag periodically: feeds the heartbeat windows, publishes the figures as gauges
 * ({@code panorama_view_lag_messages}, {@code panorama_view_lag_seconds}, {@code panorama_view_status},
 * {@code panorama_view_heartbeat_round_trip_seconds}) and keeps the last report for the health indicator.
 */
public final class LagObserver {

    private static final Logger log = LoggerFactory.getLogger(LagObserver.class);

    private final LagMonitor monitor;
    private final MultiGauge messages;
    private final MultiGauge seconds;
    private final MultiGauge status;
    private final MultiGauge heartbeat;
    private final AtomicReference<LagReport> last = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public LagObserver(LagMonitor monitor, MeterRegistry meters) {
        this.monitor = monitor;
        this.messages = MultiGauge.builder("panorama.view.lag.messages").description("Messages not applied yet, per view and partition")
            .register(meters);
        this.seconds = MultiGauge.builder("panorama.view.lag").baseUnit("seconds")
            .description("Time since the last applied event while behind (0 when caught up), per view and partition").register(meters);
        this.status = MultiGauge.builder("panorama.view.status").description("0 fresh, 1 lagging, 2 stalled").register(meters);
        this.heartbeat = MultiGauge.builder("panorama.view.heartbeat.round.trip").baseUnit("seconds")
            .description("Heartbeat round trip through the view builder (last, p50, p99 over the window)").register(meters);
    }

    @Scheduled(fixedDelayString = "${panorama.query-api.lag.poll-interval:1s}")
    public void observe() {
        try {
            LagReport report = monitor.observe();
            publish(report);
            last.set(report);
            failure.set(null);
        } catch (RuntimeException e) {
            if (failure.getAndSet(e) == null) {
                log.warn("lag could not be measured: {}", e.getMessage());
            }
        }
    }

    /** The last report, or null when none could be made yet. */
    public LagReport last() {
        return last.get();
    }

    /** Why the last poll failed, or null when it succeeded. */
    public RuntimeException failure() {
        return failure.get();
    }

    private void publish(LagReport report) {
        List<MultiGauge.Row<?>> messageRows = new ArrayList<>();
        List<MultiGauge.Row<?>> secondRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        List<MultiGauge.Row<?>> heartbeatRows = new ArrayList<>();
        for (LagReport.ViewLag view : report.views()) {
            for (LagReport.PartitionLag partition : view.partitions()) {
                Tags tags = Tags.of("view", view.view().id(), "topic", partition.topic(), "partition", Integer.toString(partition.partition()));
                messageRows.add(MultiGauge.Row.of(tags, partition.messageLag()));
                secondRows.add(MultiGauge.Row.of(tags, partition.timeLagMillis() / 1000.0));
            }
            statusRows.add(MultiGauge.Row.of(Tags.of("view", view.view().id()), view.status().ordinal()));
            addHeartbeat(heartbeatRows, view, "last", view.heartbeat().lastMillis());
            addHeartbeat(heartbeatRows, view, "0.5", view.heartbeat().p50Millis());
            addHeartbeat(heartbeatRows, view, "0.99", view.heartbeat().p99Millis());
        }
        messages.register(messageRows, true);
        seconds.register(secondRows, true);
        status.register(statusRows, true);
        heartbeat.register(heartbeatRows, true);
    }

    private static void addHeartbeat(List<MultiGauge.Row<?>> rows, LagReport.ViewLag view, String quantile, Long millis) {
        if (millis != null) {
            rows.add(MultiGauge.Row.of(Tags.of("view", view.view().id(), "quantile", quantile), millis / 1000.0));
        }
    }

    static boolean stalled(LagReport.ViewLag view) {
        return view.status() == LagStatus.STALLED;
    }
}
