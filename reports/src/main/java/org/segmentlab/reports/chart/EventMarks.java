package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.segmentlab.simulator.metrics.EventPeriod;

/**
 * Shades the scenario's event periods (a rep departure, an outage, a price war) on every time chart of a report, with
 * a short label, so a dip can be read against its cause. Applied once to the finished charts: every XY plot whose x
 * axis is a {@link MonthAxis} gets the marks, panels of a {@link PanelGridPlot} included; other charts are left alone.
 * <p>
 * On the axis the value at month t is the state at the end of month t, so an event in effect in months a … b is
 * shaded from a − 1 to b: the stretch of line the event acted on. The shade lies behind the data; dashed edges and
 * the label lie in front, so an opaque stacked area cannot hide them.
 */
public final class EventMarks {
    /** A neutral grey, light enough that lines and bands drawn over it keep their colours. */
    static final Color SHADE = new Color(0x99, 0x99, 0x99, 0x38);
    private static final Color EDGE = new Color(0x66, 0x66, 0x66);
    // mostly opaque: the label stays legible where it runs over an edge or a line
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 170);
    /** The share of a plot's height kept free above the data for the labels. */
    private static final double LABEL_STRIP = 0.14;
    private static final Color CLEAR = new Color(255, 255, 255, 0);
    private static final BasicStroke EDGE_STROKE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);

    private EventMarks() {
    }

    /**
     * The charts with every time plot marked; the caption of each marked chart names the events and their months.
     * Charts without a time axis, and every chart when there are no events, come back unchanged.
     */
    public static List<ReportChart> apply(List<ReportChart> charts, List<EventPeriod> events) {
        if (events.isEmpty()) {
            return charts;
        }
        List<ReportChart> out = new ArrayList<>(charts.size());
        for (ReportChart chart : charts) {
            List<XYPlot> plots = timePlots(chart.chart());
            for (XYPlot plot : plots) {
                mark(plot, events);
            }
            out.add(plots.isEmpty() ? chart : new ReportChart(chart.id(), chart.title(), chart.caption() + " " + note(events), chart.chart()));
        }
        return out;
    }

    /**
     * Whether a line (or the top of its band) reaches the top eighth of the plot's data range under a label: from the
     * month before an event to its end, or to 30% of the axis further on, since a label can be wider than its shade.
     */
    static boolean highUnderLabels(XYPlot plot, List<EventPeriod> events) {
        Range range = plot.getDataRange(plot.getRangeAxis());
        if (range == null || range.getLength() <= 0) {
            return false;
        }
        double threshold = range.getUpperBound() - range.getLength() / 8;
        double span = plot.getDomainAxis().getUpperBound() - plot.getDomainAxis().getLowerBound();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double x = data.getXValue(s, i);
                    double y = data instanceof IntervalXYDataset bands ? bands.getEndYValue(s, i) : data.getYValue(s, i);
                    for (EventPeriod event : events) {
                        double from = event.firstMonth() - 1;
                        if (x >= from && x <= Math.max(event.lastMonth(), from + 0.3 * span) && y >= threshold) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** "Shaded: rep departure, months 12–17." */
    static String note(List<EventPeriod> events) {
        return "Shaded: " + events.stream()
                .map(e -> e.label().toLowerCase(Locale.ROOT) + ", " + e.months())
                .collect(Collectors.joining("; ")) + ".";
    }

    /** Every XY plot of the chart whose x axis counts months: the chart's own, or each panel's. */
    static List<XYPlot> timePlots(JFreeChart chart) {
        List<XYPlot> out = new ArrayList<>();
        collect(chart.getPlot(), out);
        return out;
    }

    private static void collect(Plot plot, List<XYPlot> out) {
        if (plot instanceof PanelGridPlot grid) {
            for (JFreeChart panel : grid.panels()) {
                collect(panel.getPlot(), out);
            }
        } else if (plot instanceof XYPlot xy && xy.getDomainAxis() instanceof MonthAxis) {
            out.add(xy);
        }
    }

    private static void mark(XYPlot plot, List<EventPeriod> events) {
        // a strip above the data for the labels where the data runs high under them (the peak of detractors an outage
        // causes); elsewhere the axis stays as it was, so a share does not grow a tick above 100%
        if (plot.getRangeAxis().isAutoRange() && plot.getRangeAxis().getUpperMargin() < LABEL_STRIP && highUnderLabels(plot, events)) {
            plot.getRangeAxis().setUpperMargin(LABEL_STRIP);
        }
        for (EventPeriod event : events) {
            // the shade behind the lines and bands, in front of the grid
            IntervalMarker shade = new IntervalMarker(event.firstMonth() - 1, event.lastMonth(), SHADE);
            shade.setOutlinePaint(null);
            plot.addDomainMarker(shade, Layer.BACKGROUND);
            // edges and label in front, so opaque stacked areas cannot hide where the event starts and ends
            IntervalMarker edges = new IntervalMarker(event.firstMonth() - 1, event.lastMonth(), CLEAR, EDGE_STROKE, EDGE, EDGE_STROKE, 1f);
            edges.setLabel(event.label());
            edges.setLabelFont(ChartStyle.NOTE);
            edges.setLabelPaint(Palette.INK);
            edges.setLabelBackgroundColor(LABEL_BACKGROUND);
            edges.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            edges.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            edges.setLabelOffset(new RectangleInsets(3, 4, 3, 4));
            plot.addDomainMarker(edges, Layer.FOREGROUND);
        }
    }
}
