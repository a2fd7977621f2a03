package dev.panorama.loadgen;

import dev.panorama.loadgen.FreshnessProbe.ProbedView;
import dev.panorama.loadgen.FreshnessProbe.Sample;
import dev.panorama.loadgen.LagSampler.Reading;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessReportTest {

    @Test
    void goalsAreRefreshPlusSlackOnElasticsearchAndTheSlackAloneOnMongo() {
        FreshnessRun run = run(Duration.ofSeconds(1), List.of(), List.of(), 1);
        assertThat(run.goalMillis(ProbedView.ORDER_HISTORY)).isEqualTo(1250);
        assertThat(run.goalMillis(ProbedView.AVAILABLE_RESTAURANTS)).isEqualTo(1250);
        assertThat(run.goalMillis(ProbedView.ORDER_DETAILS)).isEqualTo(250);
        assertThat(run.goalMillis(ProbedView.CONSUMER_SUMMARY)).isEqualTo(250);
    }

    @Test
    void aGoalIsMetOnlyWhenTheP99IsWithinItAndEveryWriteBecameVisible() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            samples.add(new Sample(ProbedView.ORDER_DETAILS, i, i)); // p99 99 ms
            samples.add(new Sample(ProbedView.CONSUMER_SUMMARY, i, i == 100 ? 5_000 : 300)); // p99 300 ms
            samples.add(new Sample(ProbedView.ORDER_HISTORY, i, 100));
        }
        samples.add(new Sample(ProbedView.ORDER_HISTORY, 101, Double.NaN));
        FreshnessRun run = run(Duration.ofSeconds(1), samples, List.of(), 1);

        assertThat(run.goalMet(ProbedView.ORDER_DETAILS)).isTrue();
        assertThat(run.goalMet(ProbedView.CONSUMER_SUMMARY)).isFalse();
        assertThat(run.goalMet(ProbedView.ORDER_HISTORY)).as("one write never became visible").isFalse();
        assertThat(run.goalMet(ProbedView.AVAILABLE_RESTAURANTS)).as("no samples").isFalse();
        assertThat(FreshnessRun.percentile(run.visibleMillis(ProbedView.ORDER_DETAILS), 99)).isEqualTo(99);
        assertThat(run.notVisible(ProbedView.ORDER_HISTORY)).isEqualTo(1);
    }

    @Test
    void lagIsSteadyWhenTheLastThirdIsNoWorseThanTheFirstAndTheViewsDrainQuickly() {
        List<Reading> flat = new ArrayList<>();
        List<Reading> growing = new ArrayList<>();
        for (int second = 0; second < 90; second++) {
            for (ProbedView view : ProbedView.values()) {
                flat.add(new Reading(second, view.id(), 20 + second % 7, 100, 40, 90));
                growing.add(new Reading(second, view.id(), view == ProbedView.CONSUMER_SUMMARY ? second * 10L : 20, 100, 40, 90));
            }
        }
        assertThat(run(Duration.ofSeconds(1), List.of(), flat, 2).lagSteady()).isTrue();
        assertThat(run(Duration.ofSeconds(1), List.of(), flat, 30).lagSteady()).as("slow to drain").isFalse();
        assertThat(run(Duration.ofSeconds(1), List.of(), growing, 2).lagSteady()).isFalse();
        assertThat(new FreshnessRun(Duration.ofSeconds(1), 20, 21.5, 90, List.of(), flat, 2, 0, 3, Map.of()).lagSteady())
            .as("the probe held back: writes were piling up").isFalse();
    }

    @Test
    void theTableHasARowPerRunAndViewWithItsPercentilesAndVerdict() {
        List<Sample> samples = List.of(new Sample(ProbedView.ORDER_DETAILS, 1, 120), new Sample(ProbedView.ORDER_HISTORY, 1, 2_000));
        String table = FreshnessReport.markdown(List.of(run(Duration.ofMillis(250), samples, List.of(), 1)));

        assertThat(table.lines()).hasSize(2 + ProbedView.values().length);
        assertThat(table).contains("| 250 ms | 20 | 21.5 | yes | 1.0 s | order-details (Mongo) | 1 | 120 | 120 | 120 | 120 | 250 | yes |");
        assertThat(table).contains("| order-history (ES) | 1 | 2000 | 2000 | 2000 | 2000 | 500 | **no** |");
    }

    @Test
    void theCpuTableHasAColumnPerKindOfProcessAndTheirTotal() {
        FreshnessRun run = new FreshnessRun(Duration.ofSeconds(1), 180, 181.9, 60, List.of(), List.of(), 0, 0, 0,
            Map.of(ProcessCpu.Group.ORDER_SERVICE, 32.4, ProcessCpu.Group.VIEW_BUILDER, 10.2, ProcessCpu.Group.POSTGRES, 21.7));
        String table = FreshnessReport.cpuMarkdown(List.of(run));

        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().findFirst().orElseThrow()).startsWith("| refresh | offered cmd/s | order service | delivery service |")
            .endsWith("| other processes | total |");
        assertThat(table).contains("| 1 s | 180 | 32 % | 0 % | 0 % | 22 % | 0 % | 0 % | 10 % |").endsWith(" 64 % |\n");
    }

    @Test
    void thePlotIsWellFormedSvgWithADotPerVisibleWriteAndACrossPerMissingOne() throws Exception {
        List<Sample> samples = List.of(new Sample(ProbedView.ORDER_DETAILS, 1, 120), new Sample(ProbedView.ORDER_HISTORY, 2, 800),
            new Sample(ProbedView.CONSUMER_SUMMARY, 3, Double.NaN));
        List<Reading> readings = List.of(new Reading(0, "order-history", 3, 200, 40, 90), new Reading(1, "order-history", 0, 0, 40, 90));
        String svg = FreshnessPlot.svg(List.of(run(Duration.ofSeconds(1), samples, readings, 1), run(Duration.ofMillis(250), samples, readings, 1)));

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        int legendDots = ProbedView.values().length;
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(legendDots + 2 * 2);
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg).contains("refresh 1 s, 20 commands/s offered", "refresh 250 ms, 20 commands/s offered", "Elasticsearch goal 1250 ms",
            "MongoDB goal 250 ms");
    }

    @Test
    void axisStepsAreRoundNumbers() {
        assertThat(FreshnessPlot.niceStep(0.3)).isEqualTo(0.5);
        assertThat(FreshnessPlot.niceStep(17)).isEqualTo(20);
        assertThat(FreshnessPlot.niceStep(260)).isEqualTo(500);
        assertThat(FreshnessPlot.niceCeiling(1625)).isEqualTo(2000);
    }

    private static FreshnessRun run(Duration refresh, List<Sample> samples, List<Reading> readings, double drainSeconds) {
        return new FreshnessRun(refresh, 20, 21.5, 90, samples, readings, drainSeconds, 0, 0, Map.of());
    }
}
