package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.segmentlab.reports.table.MonthlyBand;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Active customers by segment over time as stacked areas, one chart per strategy (mean over replications). All
 * charts of one run share one y scale (0 to the largest stacked total over every strategy), so mixes shown side by
 * side compare by height.
 */
public final class SegmentMixChart {
    public static final String ID_PREFIX = "segment-mix-";

    private SegmentMixChart() {
    }

    /** One chart per strategy, in the strategies' order. */
    public static List<ReportChart> of(RunResult result) {
        List<ReportChart> out = new ArrayList<>();
        double highest = highestTotal(result);
        for (String strategy : result.metrics().strategies()) {
            out.add(of(result, strategy, highest));
        }
        return out;
    }

    public static ReportChart of(RunResult result, String strategy) {
        return of(result, strategy, highestTotal(result));
    }

    /** The largest stacked total (all segments' active customers) in any month under any strategy. */
    static double highestTotal(RunResult result) {
        double highest = 0;
        for (String strategy : result.metrics().strategies()) {
            double[] totals = stackedTotals(result, strategy);
            for (double total : totals) {
                highest = Math.max(highest, total);
            }
        }
        return highest;
    }

    private static double[] stackedTotals(RunResult result, String strategy) {
        MetricsTable table = result.metrics();
        double[] totals = new double[table.months() + 1];
        for (String segment : result.segments()) {
            MonthlyBand band = MonthlyBand.of(table, strategy, Metric.segmentKey(segment));
            for (int t = 0; t < band.length() && t < totals.length; t++) {
                double mean = band.mean(t);
                totals[t] += Double.isFinite(mean) ? mean : 0;
            }
        }
        return totals;
    }

    private static ReportChart of(RunResult result, String strategy, double highest) {
        MetricsTable table = result.metrics();
        List<String> segments = result.segments();
        // Each series is the running total up to its segment, drawn largest first so each smaller one covers
        // it: one opaque polygon per segment, with none of the hairline seams of per-month stacked pieces.
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        renderer.setOutline(false);
        double[] running = new double[table.months() + 1];
        for (int g = 0; g < segments.size(); g++) {
            MonthlyBand band = MonthlyBand.of(table, strategy, Metric.segmentKey(segments.get(g)));
            XYSeries series = new XYSeries(segments.get(g), false, false);
            for (int t = 0; t < band.length(); t++) {
                double mean = band.mean(t);
                // a missing count is drawn as none
                running[t] += Double.isFinite(mean) ? mean : 0;
                series.add(t, running[t]);
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(g, Palette.segment(g));
        }
        NumberAxis y = ChartStyle.valueAxis("Active customers", Formats.compactTicks());
        double upper = highest > 0 ? highest * 1.05 : 1;
        y.setRange(0, upper);
        // about eight ticks: JFreeChart's own choice on a tall axis puts one every 5k
        y.setTickUnit((NumberTickUnit) y.getStandardTickUnits().getCeilingTickUnit(upper / 8));
        XYPlot plot = ChartStyle.xyPlot(ChartStyle.monthAxis(table.months()), y, renderer);
        plot.setDataset(dataset);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        plot.setFixedLegendItems(Legends.segments(segments));
        String title = "Segment mix: " + strategy;
        int replications = table.replications();
        String subtitle = "Active customers by segment, stacked" + (replications > 1 ? " · mean of " + replications + " replications" : "")
                + (table.strategies().size() > 1 ? " · same scale for every strategy" : "");
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "Active customers in each segment month by month under \u201c" + strategy + "\u201d, stacked so the top edge is all active customers"
                + (replications > 1 ? " (mean of " + replications + " replications)" : "") + ".";
        return new ReportChart(ID_PREFIX + ReportChart.slug(strategy), title, caption, chart);
    }
}
