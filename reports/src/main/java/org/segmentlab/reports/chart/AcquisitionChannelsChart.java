package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.segmentlab.reports.table.MonthlyBand;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * New customers per month by how they came (advertising, imitation, referral, win-back) as stacked areas, one
 * panel per strategy on a common scale, so the top edge of each panel is {@code acquired_total} and the panels can
 * be compared by eye. Means over replications; month 0 is the state before the first step and has no flow.
 */
public final class AcquisitionChannelsChart {
    public static final String ID = "acquisition-channels";

    /** The channels of the stack, bottom to top: every way to arrive during the run. */
    public static final List<AcquisitionChannel> CHANNELS = List.of(AcquisitionChannel.ADVERTISING, AcquisitionChannel.IMITATION,
            AcquisitionChannel.REFERRAL, AcquisitionChannel.WIN_BACK);

    private AcquisitionChannelsChart() {
    }

    /** The metrics.csv name of a channel's monthly acquisitions. */
    public static Metric metric(AcquisitionChannel channel) {
        return switch (channel) {
            case ADVERTISING -> Metric.ACQUIRED_ADS;
            case IMITATION -> Metric.ACQUIRED_WOM;
            case REFERRAL -> Metric.ACQUIRED_REFERRAL;
            case WIN_BACK -> Metric.ACQUIRED_WINBACK;
            case INITIAL -> throw new IllegalArgumentException("the initial customers are not acquired during the run");
        };
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        List<String> strategies = table.strategies();
        int columns = strategies.size() <= 3 ? strategies.size() : strategies.size() == 4 ? 2 : 3;
        List<JFreeChart> panels = new ArrayList<>();
        double highest = 0;
        for (int s = 0; s < strategies.size(); s++) {
            // the month label under the lowest panel of each column
            boolean bottomRow = s + columns >= strategies.size();
            JFreeChart panel = panel(table, strategies.get(s), bottomRow);
            panels.add(panel);
            highest = Math.max(highest, top(panel.getXYPlot()));
        }
        // one scale for every panel: the heights compare across strategies
        double upper = highest > 0 ? highest * 1.05 : 1;
        int rows = (strategies.size() + columns - 1) / columns;
        // a few ticks, fewer as panels get shorter: JFreeChart's own choice puts one every few pixels
        int ticks = rows == 1 ? 8 : rows == 2 ? 5 : 4;
        for (JFreeChart panel : panels) {
            NumberAxis y = (NumberAxis) panel.getXYPlot().getRangeAxis();
            y.setRange(0, upper);
            y.setTickUnit((NumberTickUnit) Formats.compactTicks().getCeilingTickUnit(upper / ticks));
        }
        PanelGridPlot grid = new PanelGridPlot(panels, columns, Legends.channels(CHANNELS));
        String title = "New customers by channel";
        int replications = table.replications();
        String subtitle = "Per month, stacked (top edge: all new customers)"
                + (replications > 1 ? " · mean of " + replications + " replications" : "") + " · same scale in every panel";
        JFreeChart chart = ChartStyle.chart(title, subtitle, grid, true);
        String caption = "New customers each month by how they came, per strategy: advertising (the standing innovation and any campaign), "
                + "imitation (people who hear of the business from its customers in general), referrals that converted and ex-customers "
                + "who came back (win-back), stacked so the top edge is all new customers"
                + (replications > 1 ? "; mean of " + replications + " replications" : "") + ".";
        return new ReportChart(ID, title, caption, chart);
    }

    private static JFreeChart panel(MetricsTable table, String strategy, boolean monthLabel) {
        // Running totals drawn largest first so each smaller one covers it (as in the segment mix): one opaque
        // polygon per channel, without the seams of per-month stacked pieces.
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        renderer.setOutline(false);
        double[] running = new double[table.months() + 1];
        for (int c = 0; c < CHANNELS.size(); c++) {
            MonthlyBand band = MonthlyBand.of(table, strategy, metric(CHANNELS.get(c)).key());
            XYSeries series = new XYSeries(CHANNELS.get(c).label(), false, false);
            for (int t = 1; t < band.length(); t++) {
                double mean = band.mean(t);
                // a missing count is drawn as none
                running[t] += Double.isFinite(mean) ? mean : 0;
                series.add(t, running[t]);
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(c, Palette.channel(CHANNELS.get(c)));
        }
        NumberAxis y = ChartStyle.valueAxis(null, Formats.compactTicks());
        XYPlot plot = ChartStyle.xyPlot(ChartStyle.monthAxis(table.months()), y, renderer);
        plot.setDataset(dataset);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        if (!monthLabel) {
            plot.getDomainAxis().setLabel(null);
        }
        return StrategyLines.panel(strategy, plot);
    }

    private static double top(XYPlot plot) {
        XYSeriesCollection dataset = (XYSeriesCollection) plot.getDataset();
        XYSeries total = dataset.getSeries(dataset.getSeriesCount() - 1);
        return total.isEmpty() ? 0 : total.getMaxY();
    }
}
