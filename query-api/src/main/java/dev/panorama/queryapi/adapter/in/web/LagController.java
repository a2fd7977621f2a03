package dev.panorama.queryapi.adapter.in.web;

import dev.panorama.queryapi.application.NotFoundException;
import dev.panorama.queryapi.application.Rebuild;
import dev.panorama.queryapi.application.VersionSet;
import dev.panorama.queryapi.application.View;
import dev.panorama.queryapi.application.lag.LagReport;
import dev.panorama.queryapi.application.port.in.ReportLagUseCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /lag}, {@code GET /lag/{view}}: how far behind the event topics each view is, its versions and
 * the progress of a rebuild under way (operators).
 */
@RestController
class LagController {

    private final ReportLagUseCase lag;

    LagController(ReportLagUseCase lag) {
        this.lag = lag;
    }

    @GetMapping("/lag")
    Map<String, Object> all() {
        LagReport report = lag.report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", report.at().toString());
        body.put("views", report.views().stream().map(LagController::view).toList());
        return body;
    }

    @GetMapping("/lag/{view}")
    Map<String, Object> one(@PathVariable("view") String view) {
        View known = View.byId(view).orElseThrow(() -> new NotFoundException("no view named like that; views are "
            + Arrays.stream(View.values()).map(View::id).toList()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", Instant.now().toString());
        body.putAll(view(lag.report(known)));
        return body;
    }

    private static Map<String, Object> view(LagReport.ViewLag lag) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("view", lag.view().id());
        body.put("status", lag.status().wire());
        body.put("messageLag", lag.messageLag());
        body.put("timeLagMillis", lag.timeLagMillis());
        Map<String, Object> heartbeat = new LinkedHashMap<>();
        heartbeat.put("lastMillis", lag.heartbeat().lastMillis());
        heartbeat.put("p50Millis", lag.heartbeat().p50Millis());
        heartbeat.put("p99Millis", lag.heartbeat().p99Millis());
        heartbeat.put("samples", lag.heartbeat().samples());
        body.put("heartbeat", heartbeat);
        body.put("partitions", lag.partitions().stream().map(LagController::partition).toList());
        body.put("versions", versions(lag.versions()));
        if (lag.rebuild() != null) {
            body.put("rebuild", rebuild(lag.rebuild()));
        }
        return body;
    }

    private static Map<String, Object> versions(VersionSet versions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", versions.active());
        body.put("building", versions.building());
        body.put("previous", versions.previous());
        return body;
    }

    /** A rebuild checkpoint as {@code /lag} and the admin routes show it (schema {@code Rebuild}). */
    static Map<String, Object> rebuild(Rebuild rebuild) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", rebuild.version());
        body.put("phase", rebuild.phase());
        body.put("startedAt", text(rebuild.startedAt()));
        body.put("updatedAt", text(rebuild.updatedAt()));
        Rebuild.Progress progress = rebuild.progress();
        if (progress == null) {
            body.put("progress", null);
            return body;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("step", progress.step());
        figures.put("done", progress.done());
        figures.put("total", progress.total());
        figures.put("perSecond", progress.perSecond());
        figures.put("etaSeconds", progress.etaSeconds());
        figures.put("at", text(progress.at()));
        body.put("progress", figures);
        return body;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Map<String, Object> partition(LagReport.PartitionLag partition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", partition.topic());
        body.put("partition", partition.partition());
        body.put("appliedOffset", partition.appliedOffset());
        body.put("logEndOffset", partition.logEndOffset());
        body.put("messageLag", partition.messageLag());
        body.put("lastEventAt", partition.lastEventAt() == null ? null : partition.lastEventAt().toString());
        body.put("appliedAt", partition.appliedAt() == null ? null : partition.appliedAt().toString());
        body.put("timeLagMillis", partition.timeLagMillis());
        body.put("heartbeatRoundTripMillis", partition.heartbeatRoundTripMillis());
        body.put("status", partition.status().wire());
        return body;
    }
}
