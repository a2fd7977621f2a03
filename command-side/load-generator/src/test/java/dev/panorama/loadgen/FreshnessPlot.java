package dev.panorama.loadgen;

import dev.panorama.loadgen.FreshnessProbe.ProbedView;
import dev.panorama.loadgen.FreshnessProbe.Sample;
import dev.panorama.loadgen.LagSampler.Reading;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Commit → visible over time as SVG: one panel per run (rows: refresh intervals, columns: rates), a dot
 * per probed write coloured by view, the goals as dashed lines and {@code /lag}'s time lag as a grey line.
 * Writes not visible by the cut-off, and values above the panel, sit on its top edge as crosses.
 */
final class FreshnessPlot {

    private static final int PANEL_WIDTH = 520;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 40;
    private static final int LEGEND = 44;
    private static final int LEGEND_ENTRY = 235;
    private static final Map<ProbedView, String> COLOURS = Map.of(
        ProbedView.ORDER_HISTORY, "#1f77b4", ProbedView.AVAILABLE_RESTAURANTS, "#17becf",
        ProbedView.ORDER_DETAILS, "#d62728", ProbedView.CONSUMER_SUMMARY, "#ff7f0e");

    private FreshnessPlot() {
    }

    static String svg(List<FreshnessRun> runs) {
        List<Double> rates = runs.stream().map(FreshnessRun::offeredRate).distinct().sorted().toList();
        List<Long> intervals = runs.stream().map(run -> run.refreshInterval().toMillis()).distinct().sorted().toList();
        int width = Math.max(Math.max(1, rates.size()) * PANEL_WIDTH, LEFT + ProbedView.values().length * LEGEND_ENTRY + 200);
        int height = Math.max(1, intervals.size()) * PANEL_HEIGHT + LEGEND;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        legend(svg);
        for (FreshnessRun run : runs) {
            int column = rates.indexOf(run.offeredRate());
            int row = intervals.indexOf(run.refreshInterval().toMillis());
            panel(svg, run, column * PANEL_WIDTH, LEGEND + row * PANEL_HEIGHT);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void legend(StringBuilder svg) {
        int x = LEFT;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">Commit → visible through the query API, per probed write</text>%n", x));
        for (ProbedView view : ProbedView.values()) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"32\" r=\"3.5\" fill=\"%s\"/><text x=\"%d\" y=\"36\">%s (%s)</text>%n",
                x, COLOURS.get(view), x + 8, view.id(), view.elasticsearch() ? "Elasticsearch" : "MongoDB"));
            x += LEGEND_ENTRY;
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"32\" x2=\"%d\" y2=\"32\" stroke=\"#888\" stroke-width=\"1.5\"/><text x=\"%d\" y=\"36\">/lag time lag, worst view</text>%n",
            x, x + 16, x + 20));
    }

    private static void panel(StringBuilder svg, FreshnessRun run, int originX, int originY) {
        int plotWidth = PANEL_WIDTH - LEFT - RIGHT;
        int plotHeight = PANEL_HEIGHT - TOP - BOTTOM;
        double esGoal = run.goalMillis(ProbedView.ORDER_HISTORY);
        // Scaled to the 99.5th percentile: a single outlier would flatten every other dot; it sits on the top edge instead.
        double[] visible = run.samples().stream().filter(Sample::visible).mapToDouble(Sample::visibleAfterMillis).sorted().toArray();
        double highest = visible.length == 0 ? 0 : FreshnessRun.percentile(visible, 99.5);
        double yMax = niceCeiling(Math.max(esGoal * 1.3, highest * 1.1));
        double xMax = Math.max(1, Math.ceil(run.seconds()));
        Scale x = new Scale(originX + LEFT, plotWidth, xMax, false);
        Scale y = new Scale(originY + TOP + plotHeight, plotHeight, yMax, true);

        svg.append(String.format(Locale.ROOT, "<g><text x=\"%d\" y=\"%d\" font-weight=\"bold\">refresh %s, %.0f commands/s offered (%.1f achieved)</text>%n",
            originX + LEFT, originY + TOP - 10, FreshnessReport.humane(run.refreshInterval()), run.offeredRate(), run.achievedRate()));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
            originX + LEFT, originY + TOP, plotWidth, plotHeight));
        double yStep = niceStep(yMax / 5);
        for (double tick = 0; tick <= yMax + 1e-9; tick += yStep) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
                x.at(0), y.at(tick), x.at(xMax), y.at(tick), x.at(0) - 4, y.at(tick) + 4, tick));
        }
        double xStep = niceStep(xMax / 6);
        for (double tick = 0; tick <= xMax + 1e-9; tick += xStep) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>%n",
                x.at(tick), y.at(0) + 14, tick));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">seconds into the run</text>%n",
            x.at(xMax / 2), y.at(0) + 30));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(%.1f %.1f) rotate(-90)\" text-anchor=\"middle\">ms</text>%n",
            x.at(0) - 44, y.at(yMax / 2)));
        goal(svg, x, y, xMax, esGoal, "#1f77b4", "Elasticsearch goal");
        goal(svg, x, y, xMax, run.goalMillis(ProbedView.ORDER_DETAILS), "#d62728", "MongoDB goal");
        lagLine(svg, run, x, y, yMax);
        for (Sample sample : run.samples()) {
            double px = x.at(Math.min(sample.committedAtSeconds(), xMax));
            if (sample.visible() && sample.visibleAfterMillis() <= yMax) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\" fill-opacity=\"0.7\"/>%n",
                    px, y.at(sample.visibleAfterMillis()), COLOURS.get(sample.view())));
            } else {
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fl6 6m0 -6l-6 6\" stroke=\"%s\" stroke-width=\"1.5\"/>%n",
                    px - 3, y.at(yMax) - 3, COLOURS.get(sample.view())));
            }
        }
        svg.append("</g>\n");
    }

    private static void goal(StringBuilder svg, Scale x, Scale y, double xMax, double millis, String colour, String label) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"6 4\"/>"
                + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s %.0f ms</text>%n",
            x.at(0), y.at(millis), x.at(xMax), y.at(millis), colour, x.at(xMax) - 4, y.at(millis) - 4, colour, label, millis));
    }

    /** The worst view's {@code /lag} time lag at each reading, clipped to the panel. */
    private static void lagLine(StringBuilder svg, FreshnessRun run, Scale x, Scale y, double yMax) {
        Map<Double, Long> worst = run.readings().stream()
            .collect(Collectors.toMap(Reading::atSeconds, Reading::timeLagMillis, Math::max, TreeMap::new));
        if (worst.size() < 2) {
            return;
        }
        String points = worst.entrySet().stream()
            .map(point -> String.format(Locale.ROOT, "%.1f,%.1f", x.at(point.getKey()), y.at(Math.min(point.getValue(), yMax))))
            .collect(Collectors.joining(" "));
        svg.append("<polyline fill=\"none\" stroke=\"#888\" stroke-width=\"1.5\" points=\"").append(points).append("\"/>\n");
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code value}. */
    static double niceStep(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * magnitude >= value) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static double niceCeiling(double value) {
        double step = niceStep(value / 5);
        return Math.ceil(value / step) * step;
    }

    /** Maps a value in [0, max] onto pixels: left to right, or bottom to top when inverted. */
    private record Scale(double start, double length, double max, boolean inverted) {

        double at(double value) {
            double offset = value / max * length;
            return inverted ? start - offset : start + offset;
        }
    }
}
