package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/** The scales of the report charts do not mislead: shared where charts are compared, zero-based for shares, one format per axis. */
class HonestScalesTest {

    private static final RunResult RUN = SyntheticRun.of(3, 5, 12, 9);

    @Test
    void differencePanelsOfTheSameUnitShareOneRange() {
        PanelGridPlot grid = (PanelGridPlot) PairedDifferenceChart.of(RUN).chart().getPlot();
        // panels: final retention (pp), cumulative profit (money), top-20% share (pp), net word of mouth (pp)
        List<Range> ranges = grid.panels().stream().map(p -> p.getXYPlot().getDomainAxis().getRange()).toList();
        assertThat(ranges.get(2)).isEqualTo(ranges.get(0));
        assertThat(ranges.get(3)).isEqualTo(ranges.get(0));
        assertThat(ranges.get(1)).as("money has its own scale").isNotEqualTo(ranges.get(0));
        // the shared range holds every whisker of every pp panel
        for (int panel : new int[] {0, 2, 3}) {
            XYPlot plot = grid.panels().get(panel).getXYPlot();
            for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
                var data = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset();
                assertThat(ranges.get(0).contains(data.getStartXValue(s, 0))).isTrue();
                assertThat(ranges.get(0).contains(data.getEndXValue(s, 0))).isTrue();
            }
        }
        assertThat(PairedDifferenceChart.of(RUN).caption()).contains("all pp panels on one scale");
    }

    @Test
    void theTop20AxisRunsFromZeroToAHundredPercent() {
        ValueAxis y = Top20ShareChart.of(RUN).chart().getXYPlot().getRangeAxis();
        assertThat(y.getLowerBound()).isZero();
        assertThat(y.getUpperBound()).isEqualTo(1.0);
        assertThat(RetentionChart.of(RUN).chart().getXYPlot().getRangeAxis().getLowerBound()).isZero();
    }

    @Test
    void theSegmentMixesOfOneReportShareOneYScale() {
        List<ReportChart> mixes = SegmentMixChart.of(RUN);
        assertThat(mixes).hasSize(3);
        Range first = mixes.get(0).chart().getXYPlot().getRangeAxis().getRange();
        for (ReportChart mix : mixes) {
            Range range = mix.chart().getXYPlot().getRangeAxis().getRange();
            assertThat(range).isEqualTo(first);
            double top = mix.chart().getXYPlot().getDataset().getSeriesCount() == 0 ? 0 : maxY(mix.chart().getXYPlot());
            assertThat(top).isLessThanOrEqualTo(range.getUpperBound());
        }
        assertThat(first.getLowerBound()).isZero();
        // a single chart drawn alone uses the same scale as its siblings
        assertThat(SegmentMixChart.of(RUN, "baseline").chart().getXYPlot().getRangeAxis().getRange()).isEqualTo(first);
    }

    private static double maxY(XYPlot plot) {
        double max = 0;
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            for (int i = 0; i < plot.getDataset().getItemCount(s); i++) {
                max = Math.max(max, plot.getDataset().getYValue(s, i));
            }
        }
        return max;
    }

    @Test
    void noStrategyColourIsASegmentColourOrCloseToOne() {
        for (int s = 0; s < 16; s++) {
            for (int g = 0; g < 16; g++) {
                Color strategy = Palette.strategy(s);
                Color segment = Palette.segment(g);
                assertThat(strategy).as("strategy %d vs segment %d", s, g).isNotEqualTo(segment);
                assertThat(deltaE(strategy, segment)).as("CIELAB distance, strategy %d vs segment %d", s, g).isGreaterThan(20);
            }
        }
    }

    /** CIE76 colour distance in CIELAB (D65): about 2.3 is just noticeable, 20 and more reads as another colour. */
    private static double deltaE(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
    }

    private static double[] lab(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] > 0.04045 ? Math.pow((rgb[i] + 0.055) / 1.055, 2.4) : rgb[i] / 12.92;
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116.0;
    }

    @Test
    void aStrategyEqualToTheBaselineStaysVisible() {
        // one replication (no bands): strategy 1 is an exact copy of the baseline
        RunResult run = SyntheticRun.of(3, 1, 12, 9, true);
        JFreeChart chart = RetentionChart.of(run).chart();
        XYItemRenderer renderer = chart.getXYPlot().getRenderer();
        BasicStroke baseline = (BasicStroke) renderer.getSeriesStroke(0);
        BasicStroke copy = (BasicStroke) renderer.getSeriesStroke(1);
        assertThat(copy).isNotEqualTo(baseline);
        assertThat(copy.getDashArray()).as("the copy is dashed so the baseline shows through").isNotNull();
        assertThat(Palette.strategyStroke(2)).isNotEqualTo(Palette.strategyStroke(1));
        // drawn: the copy's colour is on the picture although its line lies exactly on the baseline's
        chart.removeLegend();
        BufferedImage image = chart.createBufferedImage(800, 500);
        assertThat(pixelsNear(image, Palette.strategy(1))).as("pixels of the copy's colour").isGreaterThan(300);
        assertThat(pixelsNear(image, Palette.strategy(0))).as("pixels of the baseline's colour").isGreaterThan(300);
    }

    private static int pixelsNear(BufferedImage image, Color color) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - color.getRed()) + Math.abs(c.getGreen() - color.getGreen())
                        + Math.abs(c.getBlue() - color.getBlue()) < 30) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void theMigrationColourScaleLeavesOutTheDiagonal() {
        XYPlot plot = TransitionHeatmapChart.of(RUN, "baseline").chart().getXYPlot();
        XYBlockRenderer renderer = (XYBlockRenderer) plot.getRenderer();
        XYZDataset cells = (XYZDataset) plot.getDataset();
        double diagonalLowest = 1;
        double offDiagonalHighest = 0;
        for (int k = 0; k < cells.getItemCount(0); k++) {
            int column = (int) cells.getXValue(0, k);
            int row = (int) cells.getYValue(0, k);
            double z = cells.getZValue(0, k);
            if (row == column) {
                assertThat(renderer.getPaintScale().getPaint(z)).as("diagonal cell %d", row).isEqualTo(Heatmap.DIAGONAL);
            } else if (row < RUN.segments().size() && Double.isFinite(z)) {
                offDiagonalHighest = Math.max(offDiagonalHighest, z);
            }
        }
        double[][] counts = Transitions.meanCounts(RUN, "baseline", 1, RUN.metrics().months());
        for (int i = 0; i < RUN.segments().size(); i++) {
            double total = java.util.Arrays.stream(counts[i]).sum();
            diagonalLowest = Math.min(diagonalLowest, counts[i][i] / total);
        }
        assertThat(diagonalLowest).as("the stays are most of each row").isGreaterThan(0.8);
        assertThat(renderer.getPaintScale().getUpperBound()).as("the scale ends at the largest move").isEqualTo(offDiagonalHighest);
        assertThat(renderer.getPaintScale().getPaint(offDiagonalHighest)).isEqualTo(Palette.shade(Heatmap.HUE, 1));
    }

    @Test
    void aConfusionMatrixDropsATruthRowWithNoCustomers() {
        int empty = 3; // "negative": no customer's archetype lands there
        List<RunDetail> details = new ArrayList<>();
        for (RunDetail d : RUN.details()) {
            long[][][] confusion = new long[d.confusion().length][][];
            for (int t = 0; t < confusion.length; t++) {
                confusion[t] = new long[d.confusion()[t].length][];
                for (int i = 0; i < confusion[t].length; i++) {
                    confusion[t][i] = i == empty ? new long[d.confusion()[t][i].length] : d.confusion()[t][i].clone();
                }
            }
            details.add(new RunDetail(d.strategy(), d.replication(), d.lorenz(), d.transitions(), confusion, d.cohortActive(), d.cohortSize(),
                    d.lifetimeValue(), d.initialSegmentCounts()));
        }
        RunResult run = new RunResult(RUN.scenarioName(), RUN.currency(), RUN.seed(), RUN.segments(), RUN.archetypes(), RUN.truth(), RUN.metrics(),
                details);
        ReportChart chart = ConfusionMatrixChart.of(run, "baseline");
        SymbolAxis rows = (SymbolAxis) chart.chart().getXYPlot().getRangeAxis();
        SymbolAxis columns = (SymbolAxis) chart.chart().getXYPlot().getDomainAxis();
        assertThat(rows.getSymbols()).containsExactly("loyal", "fence-sitter", "price-sensitive");
        assertThat(columns.getSymbols()).as("the classifier may still give the segment").containsExactly(SyntheticRun.SEGMENTS.toArray(String[]::new));
        assertThat(chart.caption()).contains("rows left out, no customer truly in them: negative");
        // a full matrix keeps every row
        assertThat(((SymbolAxis) ConfusionMatrixChart.of(RUN, "baseline").chart().getXYPlot().getRangeAxis()).getSymbols()).hasSize(4);
    }

    @Test
    void everyTickLabelOfACompactAxisHasTheSameFormat() {
        // a range crossing a million: the old labels read "900k, 950k, 1M, 1.05M"
        for (double[] range : new double[][] {{880_000, 1_060_000}, {0, 1_200_000}, {0, 45_000}, {-2_500, 7_500}, {0, 1_000}, {9_000, 10_400}}) {
            NumberAxis axis = ChartStyle.valueAxis("Active customers", Formats.compactTicks());
            axis.setRange(range[0], range[1]);
            List<String> labels = tickLabels(axis);
            assertThat(labels).as("ticks of %s", java.util.Arrays.toString(range)).hasSizeGreaterThan(2);
            assertThat(labels.stream().filter(l -> !l.equals("0")).map(HonestScalesTest::shape).distinct())
                    .as("formats of %s", labels).hasSize(1);
        }
        // the difference chart's money axis too
        PanelGridPlot grid = (PanelGridPlot) PairedDifferenceChart.of(RUN).chart().getPlot();
        List<String> money = tickLabels((NumberAxis) grid.panels().get(1).getXYPlot().getDomainAxis());
        assertThat(money.stream().filter(l -> !l.equals("0")).map(HonestScalesTest::shape).distinct()).as("%s", money).hasSize(1);
    }

    /** The number's format: its decimals and its suffix ("1.05M" → ".00M", "950" → ""). */
    private static String shape(String label) {
        Matcher m = Pattern.compile("^[\u2212+]?[0-9,]+(\\.[0-9]+)?([kMB]?)$").matcher(label);
        assertThat(m.matches()).as("a number: %s", label).isTrue();
        return (m.group(1) == null ? "" : m.group(1).replaceAll("[0-9]", "0")) + m.group(2);
    }

    private static List<String> tickLabels(NumberAxis axis) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            List<String> labels = new ArrayList<>();
            for (Object tick : axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(0, 0, 700, 400), RectangleEdge.LEFT)) {
                labels.add(((Tick) tick).getText());
            }
            return labels;
        } finally {
            g2.dispose();
        }
    }

    @Test
    void segmentFlowsDrawNetMovesAndLeaveOutFlicker() {
        // three segments and "new": a ↔ b flicker (100 against 95), a real a → c drift, a tiny c → b
        double[][] counts = {
            {500, 100, 50, 0},
            {95, 400, 0, 0},
            {0, 1, 300, 0},
            {20, 10, 5, 0}};
        double[][] drawn = SegmentFlowChart.withoutFlicker(counts, 3);
        assertThat(drawn[0][1]).as("a → b net").isEqualTo(5);
        assertThat(drawn[1][0]).as("b → a cancelled").isZero();
        assertThat(drawn[0][2]).isEqualTo(50);
        assertThat(drawn[2][1]).as("1 of 56 net moves is under 2%").isZero();
        assertThat(drawn[0][0]).as("stays are not drawn").isZero();
        assertThat(drawn[3]).as("acquisitions as they are").containsExactly(20, 10, 5, 0);
        // on a run: no pair of segments is drawn in both directions, and the caption names the threshold
        double[][] run = SegmentFlowChart.withoutFlicker(Transitions.meanCounts(RUN, "baseline", 1, 12), RUN.segments().size());
        for (int i = 0; i < RUN.segments().size(); i++) {
            for (int j = 0; j < RUN.segments().size(); j++) {
                assertThat(run[i][j] > 0 && run[j][i] > 0).as("%d ↔ %d both drawn", i, j).isFalse();
            }
        }
        assertThat(SegmentFlowChart.of(RUN, "baseline").caption()).contains("net moves under 2% of all net moves between segments are left out");
    }
}
