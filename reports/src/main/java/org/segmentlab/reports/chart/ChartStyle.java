package org.segmentlab.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every chart: white background, light grid, no 3D or gradients, fonts sized for a slide at
 * 800 × 500 (title 20 px, axis labels 14 px, ticks 12 px), the legend below the plot.
 */
public final class ChartStyle {
    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE = new Font(FONT_FAMILY, Font.BOLD, 20);
    public static final Font SUBTITLE = new Font(FONT_FAMILY, Font.PLAIN, 13);
    public static final Font PANEL_TITLE = new Font(FONT_FAMILY, Font.BOLD, 15);
    public static final Font AXIS_LABEL = new Font(FONT_FAMILY, Font.PLAIN, 14);
    public static final Font TICK = new Font(FONT_FAMILY, Font.PLAIN, 12);
    public static final Font LEGEND = new Font(FONT_FAMILY, Font.PLAIN, 13);
    public static final Font CELL = new Font(FONT_FAMILY, Font.BOLD, 14);
    public static final Font CELL_SMALL = new Font(FONT_FAMILY, Font.PLAIN, 11);
    public static final Font NOTE = new Font(FONT_FAMILY, Font.PLAIN, 12);

    public static final Color SUBTITLE_INK = new Color(0x555555);
    public static final Stroke GRID_STROKE = new BasicStroke(0.8f);
    public static final Stroke ZERO_STROKE = new BasicStroke(1.6f);

    private ChartStyle() {
    }

    /** A chart with the house look; {@code subtitle} may be null; the legend (if any) goes below the plot. */
    public static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(6, 10, 6, 14));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle main = chart.getTitle();
        main.setPaint(Palette.INK);
        main.setHorizontalAlignment(HorizontalAlignment.LEFT);
        // a message title that wraps keeps its second line flush left, under the first
        main.setTextAlignment(HorizontalAlignment.LEFT);
        main.setMargin(new RectangleInsets(2, 4, 2, 2));
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(SUBTITLE_INK);
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setTextAlignment(HorizontalAlignment.LEFT);
            sub.setMargin(new RectangleInsets(0, 4, 6, 2));
            chart.addSubtitle(sub);
        }
        if (legend) {
            styleLegend(chart.getLegend());
        }
        return chart;
    }

    /** The legend below the plot, unframed. */
    public static void styleLegend(LegendTitle legend) {
        legend.setItemFont(LEGEND);
        legend.setItemPaint(Palette.INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(new RectangleInsets(6, 0, 0, 0));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
    }

    /** An XY plot with white background, light grid and styled axes. */
    public static XYPlot xyPlot(ValueAxis x, ValueAxis y, XYItemRenderer renderer) {
        XYPlot plot = new XYPlot(null, x, y, renderer);
        stylePlot(plot);
        styleAxis(x);
        styleAxis(y);
        return plot;
    }

    /** Background, grid, no outline. */
    public static void stylePlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(Palette.GRID);
        plot.setRangeGridlinePaint(Palette.GRID);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
    }

    /** Axis fonts and colours. */
    public static void styleAxis(Axis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setLabelPaint(Palette.INK);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(Palette.INK);
        axis.setAxisLinePaint(Palette.GREY);
        axis.setTickMarkPaint(Palette.GREY);
    }

    /** The x axis of a time chart: "Month", 0 … T, integer ticks at 1, 3, 6, 12 … months. */
    public static NumberAxis monthAxis(int months) {
        NumberAxis axis = new MonthAxis();
        axis.setStandardTickUnits(Formats.monthTicks());
        axis.setRange(0, Math.max(1, months));
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        styleAxis(axis);
        return axis;
    }

    /** A value axis with the given label and tick units; zero is not forced into the range. */
    public static NumberAxis valueAxis(String label, TickUnitSource ticks) {
        NumberAxis axis = new NumberAxis(label);
        axis.setStandardTickUnits(ticks);
        axis.setAutoRangeIncludesZero(false);
        if (ticks instanceof Formats.CompactTickUnits) {
            Formats.compactAxis(axis); // one number format on the whole axis, never "950k, 1M"
        }
        styleAxis(axis);
        return axis;
    }

    /** A dark reference line at zero on the range axis. */
    public static ValueMarker zeroLine() {
        return new ValueMarker(0, Palette.INK, ZERO_STROKE);
    }
}
