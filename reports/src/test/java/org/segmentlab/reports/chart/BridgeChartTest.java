package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.BridgeRun;
import org.segmentlab.simulator.analysis.BridgeComponent;
import org.segmentlab.simulator.analysis.BridgeRow;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;

/** The profit bridge as a waterfall: one chart per non-baseline strategy, a message title, bars that add up. */
class BridgeChartTest {

    private static final RunResult RUN = BridgeRun.get();

    @Test
    void oneWaterfallPerStrategyWhoseBarsWalkFromZeroToTheTotal() throws IOException {
        List<ReportChart> charts = BridgeChart.of(RUN);
        assertThat(charts).extracting(ReportChart::id).containsExactly("bridge-textbook");
        ReportChart chart = charts.get(0);
        List<BridgeRow> rows = ProfitBridge.of(RUN.metrics(), "textbook");
        double total = rows.get(BridgeComponent.TOTAL.ordinal()).value().mean();
        XYPlot plot = chart.chart().getXYPlot();
        IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset();
        // Bars by row (the row is the x value): each part starts where the one above ended; the total starts at zero.
        List<double[]> byRow = new ArrayList<>();
        for (int s = 0; s < bars.getSeriesCount(); s++) {
            for (int i = 0; i < bars.getItemCount(s); i++) {
                byRow.add(new double[] {bars.getXValue(s, i), bars.getStartYValue(s, i), bars.getEndYValue(s, i), s});
            }
        }
        byRow.sort((a, b) -> Double.compare(a[0], b[0]));
        List<BridgeRow> shown = BridgeChart.shown(rows);
        assertThat(byRow).hasSize(shown.size());
        double running = 0;
        for (int r = 0; r < shown.size() - 1; r++) {
            double mean = shown.get(r).value().mean();
            double[] bar = byRow.get(r);
            assertThat(bar[1]).as("bar %d low end", r).isCloseTo(Math.min(running, running + mean), within(1e-6));
            assertThat(bar[2]).as("bar %d high end", r).isCloseTo(Math.max(running, running + mean), within(1e-6));
            assertThat((int) bar[3]).as("colour of %s", shown.get(r).component().id()).isEqualTo(mean >= 0 ? 0 : 1);
            running += mean;
        }
        assertThat(running).as("the parts end at the total").isCloseTo(total, within(1e-6 * Math.abs(total)));
        double[] last = byRow.get(shown.size() - 1);
        assertThat(last[3]).as("the total is its own colour").isEqualTo(2);
        assertThat(last[1]).isCloseTo(Math.min(0, total), within(1e-9));
        assertThat(last[2]).isCloseTo(Math.max(0, total), within(1e-9));

        byte[] png = ChartExport.png(chart.chart());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ChartExport.WIDTH * ChartExport.PNG_SCALE);
        assertThat(image.getHeight()).isEqualTo(ChartExport.HEIGHT * ChartExport.PNG_SCALE);
        Path out = Path.of("target", "bridge-chart");
        Files.createDirectories(out);
        Files.write(out.resolve(chart.id() + ".png"), png); // to look at
        String svg = ChartExport.svgElement(chart.chart(), chart.id());
        assertThat(svg).contains("retention").contains("discounts").contains("total difference");
    }

    @Test
    void theTitleNamesTheAmountAndThePartThatCarriesMostOfIt() {
        List<BridgeRow> rows = ProfitBridge.of(RUN.metrics(), "textbook");
        ReportChart chart = BridgeChart.of(RUN).get(0);
        MeanInterval total = rows.get(BridgeComponent.TOTAL.ordinal()).value();
        assertThat(total.low()).as("four-types: textbook clearly ahead").isPositive();
        BridgeRow driver = rows.stream().filter(r -> r.component().isPart())
                .max((a, b) -> Double.compare(a.value().mean(), b.value().mean())).orElseThrow();
        assertThat(chart.title()).isEqualTo("textbook earns " + Formats.compact(total.mean(), true) + " EUR more than baseline, mostly from "
                + driver.component().label());
        assertThat(chart.chart().getTitle().getText()).isEqualTo(chart.title());
    }

    @Test
    void aTwinOfTheBaselineShowsOnlyAZeroTotal() throws IOException {
        RunResult twin = org.segmentlab.reports.SyntheticRun.of(2, 2, 6, 3, true);
        ReportChart chart = BridgeChart.of(twin).get(0);
        assertThat(chart.title()).isEqualTo("No clear profit difference between textbook and baseline");
        assertThat(chart.caption()).contains("no difference in retention, customers from advertising");
        assertThat(((IntervalXYDataset) chart.chart().getXYPlot().getDataset()).getItemCount(2)).isEqualTo(1);
        assertThat(ImageIO.read(new ByteArrayInputStream(ChartExport.png(chart.chart()))).getWidth()).isPositive();
    }

    @Test
    void theMoneyAxisHasRoundStepsAndAtMostAboutSevenTicks() {
        assertThat(BridgeChart.tickStep(0.41e6)).isEqualTo(0.5e6);
        assertThat(BridgeChart.tickStep(0.2e6)).isEqualTo(0.2e6);
        assertThat(BridgeChart.tickStep(2.2e5)).isEqualTo(2.5e5);
        assertThat(BridgeChart.tickStep(7e3)).isEqualTo(1e4);
    }

    private static List<BridgeRow> rows(double total, double low, double high, double... parts) {
        List<BridgeRow> rows = new ArrayList<>();
        BridgeComponent[] all = BridgeComponent.values();
        for (int i = 0; i < parts.length; i++) {
            rows.add(new BridgeRow("s", all[i], new MeanInterval(parts[i], Double.NaN, Double.NaN, 1)));
        }
        rows.add(new BridgeRow("s", BridgeComponent.TOTAL, new MeanInterval(total, low, high, 4)));
        return rows;
    }

    @Test
    void aLossNamesThePartThatCostsMostAndAnUnclearDifferenceSaysSo() {
        // retention +1M, ads 0, wom −3.5M: the strategy earns 2.5M less, mostly from customers from word of mouth
        assertThat(BridgeChart.title("s", "base", rows(-2.5e6, -3e6, -2e6, 1e6, 0, -3.5e6), "EUR"))
                .isEqualTo("s earns 2.5M EUR less than base, mostly from customers from word of mouth");
        assertThat(BridgeChart.title("s", "base", rows(2e5, -1e5, 5e5, 1e6, 0, -8e5), "EUR"))
                .isEqualTo("No clear profit difference between s and base; largest part: retention (+1M)");
    }
}
