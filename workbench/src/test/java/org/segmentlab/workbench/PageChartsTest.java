package org.segmentlab.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.Scenarios;

/** The workbench page marks the scenario's events on its time charts, as the report does. */
class PageChartsTest {

    private static RunResult repDeparture(String share) {
        return Simulator.run(Scenarios.load(Path.of("..", "scenarios", "rep-departure.yaml"))
                .with("market.potential", "6000").with("market.initialCustomers", "1000").with("months", "15")
                .with("events[0].share", share).scenario(), RunOptions.threads(2));
    }

    @Test
    void timeChartsNameTheEventOnlyWhenThereIsOne() {
        List<PageCharts.Drawn> marked = PageCharts.draw(repDeparture("0.5"), "Source: test");
        List<PageCharts.Drawn> time = marked.stream().filter(d -> d.group() != PageCharts.Group.DIFFERENCES).toList();
        assertThat(time).isNotEmpty().allSatisfy(d -> {
            assertThat(d.svg()).as(d.title()).contains("Rep departure");
            assertThat(d.caption()).as(d.title()).contains("Shaded: rep departure, months 12\u201315.");
        });
        // the forest plot of final values has no month axis
        assertThat(marked.get(0).svg()).doesNotContain("Rep departure");
        assertThat(PageCharts.draw(repDeparture("0"), "Source: test")).noneSatisfy(d -> assertThat(d.svg()).contains("Rep departure"));
    }

    @Test
    void eachComparedStrategysProfitBridgeFollowsTheDifferences() {
        RunResult run = repDeparture("0.5");
        List<PageCharts.Drawn> drawn = PageCharts.draw(run, "Source: test");
        List<String> compared = run.metrics().strategies().subList(1, run.metrics().strategies().size());
        List<PageCharts.Drawn> bridges = drawn.stream().filter(d -> d.caption().startsWith("Profit bridge of")).toList();
        assertThat(bridges).hasSize(compared.size()).allSatisfy(d -> {
            assertThat(d.group()).isEqualTo(PageCharts.Group.DIFFERENCES);
            assertThat(d.svg()).contains("total difference", "Source: test");
        });
        for (int s = 0; s < compared.size(); s++) {
            assertThat(bridges.get(s).caption()).contains("\u201c" + compared.get(s) + "\u201d against");
        }
        assertThat(drawn.indexOf(bridges.get(0))).as("right after the forest plot").isEqualTo(1);
    }

    @Test
    void thePreviousRunOfTheSameScenarioIsDrawnFaintlyUnderRetention() {
        RunResult now = repDeparture("0.5");
        RunResult before = repDeparture("0");
        PageCharts.Drawn retention = PageCharts.draw(now, "Source: test", before).stream()
                .filter(d -> d.caption().startsWith("Share of the customers present at month 0")).findFirst().orElseThrow();
        assertThat(retention.svg()).contains("previous run (faint)");
        assertThat(retention.caption()).contains("Faint lines: the previous run of this scenario.");
        // another scenario's run is not a comparison
        RunResult other = Simulator.run(Scenarios.load(Path.of("..", "scenarios", "four-types.yaml"))
                .with("market.potential", "6000").with("market.initialCustomers", "1000").with("months", "15").scenario(),
                RunOptions.threads(2));
        assertThat(PreviousRunOverlay.comparable(now, other)).isFalse();
        assertThat(PageCharts.draw(now, "Source: test", other)).noneSatisfy(d -> assertThat(d.svg()).contains("previous run"));
    }
}
