package org.segmentlab.reports.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.segmentlab.simulator.experiment.SweepSummary;

/**
 * A sweep's summary for one varied value: the metric at the last month against the value, one line per strategy
 * (the mean over the other varied values and the replications, a dot per level or bin) with the 95% band of that
 * mean. Reads {@link SweepSummary.Curve}s only.
 */
public final class SweepChart {
    // as the strategy lines' bands
    private static final float BAND_ALPHA = 0.14f;

    private SweepChart() {
    }

    /**
     * The chart of the curves of one path (every curve must have that path).
     *
     * @param curves   one per strategy, in the scenario's strategy order
     * @param metric   the metric's name in metrics.csv
     * @param currency for money axes
     * @param points   the sweep's points, and {@code replications} per point, for the subtitle
     */
    public static ReportChart of(List<SweepSummary.Curve> curves, String metric, String currency, int points, int replications) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curve to draw");
        }
        String path = curves.get(0).path();
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(BAND_ALPHA);
        for (int s = 0; s < curves.size(); s++) {
            SweepSummary.Curve c = curves.get(s);
            if (!c.path().equals(path)) {
                throw new IllegalArgumentException("curves of " + path + " and " + c.path() + " in one chart");
            }
            YIntervalSeries series = new YIntervalSeries(c.strategy(), true, false);
            for (int i = 0; i < c.x().length; i++) {
                double low = Double.isFinite(c.low()[i]) ? c.low()[i] : c.mean()[i];
                double high = Double.isFinite(c.high()[i]) ? c.high()[i] : c.mean()[i];
                series.add(c.x()[i], c.mean()[i], low, high);
            }
            dataset.addSeries(series);
            Color color = Palette.strategy(s);
            renderer.setSeriesPaint(s, color);
            renderer.setSeriesFillPaint(s, color);
            renderer.setSeriesStroke(s, Palette.strategyStroke(s));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        NumberAxis x = new NumberAxis(path);
        x.setAutoRangeIncludesZero(false);
        ChartStyle.styleAxis(x);
        XYPlot plot = ChartStyle.xyPlot(x, MetricAxes.axis(metric, currency), renderer);
        plot.setDataset(dataset);
        // the baseline first, the dashed strategies over it: identical curves stay visible
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        String title = MetricAxes.shortName(metric) + " by " + path;
        String subtitle = points + " points × " + replications + " replication" + (replications == 1 ? "" : "s")
                + " · last month · dot: mean over the other varied values · band: 95% interval";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, curves.size() > 1);
        String caption = "How " + metric + " at the last month moves with " + path + ", averaged over everything else the sweep varied; "
                + "the band is the 95% interval of each mean (mean ± t·sd/√n over the runs at that value).";
        return new ReportChart("sweep-" + ReportChart.slug(path), title, caption, chart);
    }
}
