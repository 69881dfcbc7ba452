package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/** Lorenz curves of trailing revenue at the last month, per strategy (mean over replications), with the equality line. */
final class LorenzChart {
    public static final String ID = "lorenz";

    private LorenzChart() {
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        List<String> strategies = table.strategies();
        int last = table.months();
        int replications = table.replications();
        boolean hasGini = table.metrics().contains(Metric.GINI.key());
        XYSeriesCollection curves = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < strategies.size(); s++) {
            String strategy = strategies.get(s);
            double[] mean = new double[101];
            int[] count = new int[101];
            for (int r = 0; r < replications; r++) {
                RunDetail detail = result.detail(strategy, r);
                double[] curve = detail.lorenz()[last];
                for (int p = 0; p < curve.length && p < 101; p++) {
                    if (Double.isFinite(curve[p])) {
                        mean[p] += curve[p];
                        count[p]++;
                    }
                }
            }
            String label = strategy;
            if (hasGini) {
                label += "  (Gini " + Formats.score(MeanInterval.of(table.finalValues(strategy, Metric.GINI.key())).mean()) + ")";
            }
            XYSeries series = new XYSeries(label, false, true);
            for (int p = 0; p < 101; p++) {
                if (count[p] > 0) {
                    series.add(p / 100.0, mean[p] / count[p]);
                }
            }
            curves.addSeries(series);
            renderer.setSeriesPaint(s, Palette.strategy(s));
            // thinner than elsewhere: Lorenz curves of similar strategies lie almost on top of each other
            renderer.setSeriesStroke(s, Palette.strategyStroke(s, 1.8f));
        }
        XYSeries equality = new XYSeries("Equal spending", false, true);
        equality.add(0, 0);
        equality.add(1, 1);
        curves.addSeries(equality);
        int e = strategies.size();
        renderer.setSeriesPaint(e, Palette.GREY);
        renderer.setSeriesStroke(e, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));

        NumberAxis x = ChartStyle.valueAxis("Active customers, lowest to highest revenue (cumulative %)", Formats.percentTicks());
        x.setRange(0, 1);
        NumberAxis y = ChartStyle.valueAxis("Share of trailing revenue (cumulative %)", Formats.percentTicks());
        y.setRange(0, 1);
        XYPlot plot = ChartStyle.xyPlot(x, y, renderer);
        plot.setDataset(curves);
        // the baseline first, the dashed strategies over it: identical curves stay visible
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        String title = "Concentration of revenue (Lorenz curves)";
        String subtitle = "Month " + last + (replications > 1 ? " · mean curve of " + replications + " replications" : "")
                + " · the further below the dashed line, the more concentrated";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "Lorenz curves at month " + last + ": the share of trailing-window revenue held by the lowest-spending x% of active customers, per strategy"
                + (replications > 1 ? " (pointwise mean of " + replications + " replications)" : "") + "; the dashed diagonal is equal spending.";
        return new ReportChart(ID, title, caption, chart);
    }
}
