package org.segmentlab.reports.chart;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.segmentlab.reports.table.MonthlyBand;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * One line per strategy over the months (the mean over replications) with its 95% band when there are two or
 * more replications. Non-finite months are left out of the line. Each strategy has its own dash pattern and the
 * baseline is drawn first, so identical lines stay visible.
 */
final class StrategyLines {
    // light enough that two overlapping bands stay readable
    private static final float BAND_ALPHA = 0.14f;

    private StrategyLines() {
    }

    /** A plot of {@code metric} per strategy, x = month, y = {@code yAxis}. */
    static XYPlot plot(MetricsTable table, String metric, NumberAxis yAxis) {
        return plot(table, metric, yAxis, 0);
    }

    /**
     * A plot of {@code metric} per strategy from {@code firstMonth}: 1 for per-month flows (profit, acquisitions),
     * which have no value at month 0, the state before the first step.
     */
    static XYPlot plot(MetricsTable table, String metric, NumberAxis yAxis, int firstMonth) {
        return plot(table, strategy -> MonthlyBand.of(table, strategy, metric), yAxis, firstMonth);
    }

    /** As {@link #plot(MetricsTable, String, NumberAxis, int)} for a band computed per strategy (a sum of metrics). */
    static XYPlot plot(MetricsTable table, Function<String, MonthlyBand> bandOf, NumberAxis yAxis, int firstMonth) {
        List<String> strategies = table.strategies();
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(BAND_ALPHA);
        // long enough to show a whole period of each dash pattern in the legend
        renderer.setLegendLine(new Line2D.Double(-16, 0, 16, 0));
        boolean bands = table.replications() > 1;
        for (int s = 0; s < strategies.size(); s++) {
            MonthlyBand band = bandOf.apply(strategies.get(s));
            YIntervalSeries series = new YIntervalSeries(strategies.get(s), false, true);
            for (int t = firstMonth; t < band.length(); t++) {
                MeanInterval at = band.at(t);
                if (!Double.isFinite(at.mean())) {
                    continue;
                }
                double low = bands && Double.isFinite(at.low()) ? at.low() : at.mean();
                double high = bands && Double.isFinite(at.high()) ? at.high() : at.mean();
                series.add(t, at.mean(), low, high);
            }
            dataset.addSeries(series);
            Color color = Palette.strategy(s);
            renderer.setSeriesPaint(s, color);
            renderer.setSeriesFillPaint(s, color);
            renderer.setSeriesStroke(s, Palette.strategyStroke(s));
        }
        XYPlot plot = ChartStyle.xyPlot(ChartStyle.monthAxis(table.months()), yAxis, renderer);
        plot.setDataset(dataset);
        // the baseline (solid) first, each later strategy (dashed) over it: a strategy equal to the baseline shows
        // the baseline through its gaps instead of vanishing under it
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        return plot;
    }

    /** What the lines and bands are, for a subtitle. */
    static String bandNote(int replications) {
        if (replications <= 1) {
            return "1 replication: lines only, no interval";
        }
        return "Lines: mean of " + replications + " replications · bands: 95% interval";
    }

    /** What the lines and bands are, for a caption. */
    static String bandCaption(int replications) {
        if (replications <= 1) {
            return "one replication, so no interval is drawn";
        }
        return "line = mean of " + replications + " replications, band = 95% interval (mean ± t·sd/√R)";
    }

    /** A panel of a grid: small title, no legend. */
    static JFreeChart panel(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, ChartStyle.PANEL_TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 4, 8, 10));
        TextTitle t = chart.getTitle();
        t.setPaint(Palette.INK);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setMargin(new RectangleInsets(2, 2, 4, 2));
        return chart;
    }
}
