package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenarios;

/** The segment-flow and migration charts show acquisitions as "new → segment", not as moves between segments. */
class TransitionsFromNewTest {

    private static final String SCENARIO = """
            name: growth
            months: 6
            market: {potential: 50000, initialCustomers: 5000, innovation: 0.02}
            archetypes:
              - {name: steady, share: 1, purchaseRate: {dist: gamma, shape: 4, scale: 0.5}, spend: {dist: constant, value: 50}}
            taxonomy: circles
            strategies:
              - {name: baseline, treatments: {default: none}}
            """;

    @Test
    void acquisitionsAreARowOfTheirOwn() {
        RunResult r = Simulator.run(Scenarios.parse(SCENARIO, "growth.yaml").scenario(), RunOptions.threads(1));
        List<String> labels = Transitions.labels(r);
        assertThat(labels).containsExactly("circle-1", "circle-2", "circle-3", "circle-4", "new");
        double[][] counts = Transitions.meanCounts(r, "baseline", 1, 6);
        double acquired = 0;
        for (int t = 1; t <= 6; t++) {
            acquired += r.metrics().value("baseline", 0, "acquired_total", t);
        }
        assertThat(acquired).isPositive();
        assertThat(java.util.Arrays.stream(counts[4]).sum()).as("row new").isEqualTo(acquired);
        // New customers have no revenue in the window yet: they enter the bottom circle, and that is no move out of
        // circle 1 (the default of their row before their first classification).
        assertThat(counts[4][3]).isEqualTo(acquired);
        assertThat(counts[0][3]).as("circle-1 → circle-4 moves").isLessThan(acquired / 10);
        assertThat(SegmentFlowChart.of(r, "baseline").caption()).contains("\u201cnew\u201d on the left is the customers acquired");
        assertThat(TransitionHeatmapChart.of(r, "baseline").chart().getXYPlot().getDomainAxis().getRange().getUpperBound())
                .as("no \"new\" column").isEqualTo(3.5);
    }
}
