package dev.panorama.queryapi.application.port.in;

import dev.panorama.queryapi.application.lag.LagReport;
import dev.panorama.queryapi.application.View;

/** How far behind the event topics each view is. */
public interface ReportLagUseCase {

    LagReport report();

    LagReport.ViewLag report(View view);
}
