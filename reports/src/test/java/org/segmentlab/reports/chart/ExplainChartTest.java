package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.analysis.ExplanationRow;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.scenario.Mechanism;

/**
 * The explain chart: its title names the mechanism that carries the largest share of a positive advantage, the rows
 * run from the most carried down, a strategy whose advantage may be 0 is not drawn, and a run where none is clear
 * says so instead of drawing noise.
 */
class ExplainChartTest {

    private static ExplanationRow row(String strategy, Mechanism m, double advantage, double low, double high, double off) {
        double share = 1 - off / advantage;
        return new ExplanationRow(strategy, m, new MeanInterval(advantage, low, high, 3), new MeanInterval(off, off - 1, off + 1, 3),
                new MeanInterval(share, share - 0.1, share + 0.1, 3));
    }

    @Test
    void theTitleNamesTheMechanismCarryingMostAndRowsRunFromMostCarriedDown() {
        List<ExplanationRow> rows = List.of(
                row("recovery", Mechanism.WORD_OF_MOUTH, 1000, 800, 1200, 300),
                row("recovery", Mechanism.SATISFACTION, 1000, 800, 1200, 900),
                row("recovery", Mechanism.REPUTATION, 1000, 800, 1200, 1100),
                row("coin-flip", Mechanism.WORD_OF_MOUTH, 10, -50, 70, -500),
                row("coin-flip", Mechanism.SATISFACTION, 10, -50, 70, -500),
                row("coin-flip", Mechanism.REPUTATION, 10, -50, 70, -500));
        ReportChart chart = ExplainChart.of(rows, "do-nothing");
        assertThat(chart.title()).isEqualTo("Word of mouth carries 70% of the advantage of \u201crecovery\u201d over \u201cdo-nothing\u201d");
        assertThat(chart.id()).isEqualTo("explain");
        XYPlot plot = chart.chart().getXYPlot();
        // The domain axis runs upwards: the last label is the top row.
        assertThat(((SymbolAxis) plot.getDomainAxis()).getSymbols())
                .containsExactly("reputation", "satisfaction", "word of mouth");
        XYDataset bars = plot.getDataset(0);
        assertThat(bars.getSeriesCount()).as("only the strategy with a clear advantage").isEqualTo(1);
        assertThat((Object) bars.getSeriesKey(0)).isEqualTo("recovery");
        assertThat(bars.getYValue(0, 0)).isCloseTo(-0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ChartExport.png(chart.chart())).isNotEmpty();
    }

    @Test
    void aDisadvantageIsToldAsTheDifferenceTheSwitchMovesMost() {
        List<ExplanationRow> rows = List.of(row("blanket", Mechanism.PRICE_RESPONSE, -331_000, -400_000, -260_000, -953_000),
                row("blanket", Mechanism.WORD_OF_MOUTH, -331_000, -400_000, -260_000, -298_000));
        assertThat(ExplainChart.of(rows, "no-campaign").title()).isEqualTo("Switching off price response moves the difference of"
                + " \u201cblanket\u201d to \u201cno-campaign\u201d most: \u2212331k \u2192 \u2212953k");
    }

    @Test
    void whenNoAdvantageIsClearOfZeroTheChartSaysSo() {
        ReportChart chart = ExplainChart.of(List.of(row("coin-flip", Mechanism.WORD_OF_MOUTH, 10, -50, 70, -500)), "do-nothing");
        assertThat(chart.title()).startsWith("No strategy's advantage over \u201cdo-nothing\u201d is clear of zero");
        assertThat(ChartExport.png(chart.chart())).isNotEmpty();
    }
}
