package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.output.AttributionCsv;
import org.segmentlab.simulator.analysis.AttributionRow;
import org.segmentlab.simulator.analysis.TreatmentAttribution;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenarios;

/** The attribution chart and attribution.csv of a small four-types run with 3 replications. */
class AttributionChartTest {
    private static RunResult run;

    @BeforeAll
    static void runOnce() {
        run = Simulator.run(Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "4000").with("market.potential", "40000").with("replications", "3")
                .scenario(), RunOptions.threads(2).withAttribution(true));
    }

    @Test
    void oneChartPerNonBaselineStrategyTitledWithTheBestAndWorstPart() {
        List<ReportChart> charts = AttributionChart.of(run);
        assertThat(charts).extracting(ReportChart::id).containsExactly("attribution-textbook");
        assertThat(charts.get(0).title()).startsWith("Inside textbook, loyalty perks earn +").contains("; price campaign costs ").doesNotContain("costs \u2212");
        assertThat(charts.get(0).caption()).contains("95% interval", "R = 3");
        assertThat(ChartExport.png(charts.get(0).chart())).isNotEmpty();
        assertThat(ReportCharts.all(run)).extracting(ReportChart::id).contains("attribution-textbook");
    }

    @Test
    void barsAreSortedByWhatTheyAddWithTheInteractionLast() {
        List<AttributionRow> ordered = AttributionChart.ordered(TreatmentAttribution.of(run, "textbook"));
        assertThat(ordered.get(0).treatment()).isEqualTo("loyalty-perks");
        assertThat(ordered.get(ordered.size() - 1).isInteraction()).isTrue();
        List<AttributionRow> parts = ordered.subList(0, ordered.size() - 1);
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i).value().mean()).isLessThanOrEqualTo(parts.get(i - 1).value().mean());
        }
    }

    @Test
    void noChartWithoutAttribution() {
        RunResult plain = Simulator.run(Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.initialCustomers", "2000").with("market.potential", "20000").with("months", "14").scenario(),
                RunOptions.threads(1));
        assertThat(AttributionChart.of(plain)).isEmpty();
    }

    @Test
    void csvWritesLocaleFreeNumbersAndNaNAsEmpty() throws Exception {
        StringWriter out = new StringWriter();
        AttributionCsv.write(List.of(
                new AttributionRow("a,b", "loyal", "loyalty-perks", new MeanInterval(1.5e7, 1.2e7, 1.8e7, 3)),
                new AttributionRow("a,b", "interaction", "", new MeanInterval(-0.25, Double.NaN, Double.NaN, 1))), out);
        assertThat(out.toString()).isEqualTo("strategy,segment,treatment,mean,low,high\n"
                + "\"a,b\",loyal,loyalty-perks,1.5E7,1.2E7,1.8E7\n"
                + "\"a,b\",interaction,,-0.25,,\n");
    }
}
