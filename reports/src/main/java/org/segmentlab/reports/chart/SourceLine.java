package org.segmentlab.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The source line at the foot of a chart ("Source: SegmentLab 0.1.0 · Four types (seed 42, 1 replication) ·
 * modified: market.imitation=0.3"), so a PNG or SVG pasted on its own still says which run made it. Small and
 * grey, below the legend, wrapped over as many lines as the overrides need: a modified run must never look like the
 * shipped scenario's.
 */
public final class SourceLine {
    /** 11 px at the export's logical size: 22 px in the 2× PNG, never under 10 px where the page shows it. */
    public static final Font FONT = new Font(ChartStyle.FONT_FAMILY, Font.PLAIN, 11);
    /** Grey that still reads on white (contrast about 5.7 : 1). */
    public static final Color INK = new Color(0x666666);
    /** The id of the title that carries the line, so stamping twice replaces it. */
    static final String TITLE_ID = "segmentlab-source";
    /** The chart's padding and the title's margins, left and right. */
    private static final int SIDE_SPACE = 30;
    /** Room for a viewer whose sans-serif runs a little wider than the one measured here. */
    private static final double FILL = 0.92;
    /** Splits after each separator, keeping it with the part before. */
    private static final Pattern PARTS = Pattern.compile("(?<= \u00b7 )|(?<=, )");

    private SourceLine() {
    }

    /** Adds (or replaces) the source line at the foot of {@code chart} drawn at the report's size; returns the chart. */
    public static JFreeChart stamp(JFreeChart chart, String line) {
        return stamp(chart, line, ChartExport.WIDTH);
    }

    /**
     * Adds (or replaces) the source line at the foot of {@code chart}, wrapped for a canvas {@code canvasWidth}
     * logical pixels wide; returns the chart.
     */
    public static JFreeChart stamp(JFreeChart chart, String line, int canvasWidth) {
        String wrapped = wrap(line, canvasWidth - SIDE_SPACE);
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle text && TITLE_ID.equals(text.getID())) {
                text.setText(wrapped);
                return chart;
            }
        }
        TextTitle title = new TextTitle(wrapped, FONT);
        title.setID(TITLE_ID);
        title.setPaint(INK);
        title.setPosition(RectangleEdge.BOTTOM);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setTextAlignment(HorizontalAlignment.LEFT);
        title.setMargin(new RectangleInsets(8, 4, 0, 2));
        // Bottom titles are laid out in list order from the edge inwards: first in the list is the lowest line.
        chart.addSubtitle(0, title);
        return chart;
    }

    /** Stamps every chart of {@code charts} with {@code line} for the report's size; returns them in the same order. */
    public static List<ReportChart> stamp(List<ReportChart> charts, String line) {
        return stamp(charts, line, ChartExport.WIDTH);
    }

    /** Stamps every chart of {@code charts} with {@code line} for a canvas {@code canvasWidth} wide; returns them in order. */
    public static List<ReportChart> stamp(List<ReportChart> charts, String line, int canvasWidth) {
        List<ReportChart> out = new ArrayList<>(charts.size());
        for (ReportChart chart : charts) {
            stamp(chart.chart(), line, canvasWidth);
            out.add(chart);
        }
        return out;
    }

    /**
     * The line broken into lines no wider than {@code width} (as far as one part allows), only between its parts
     * (after " · " and ", "): the title's own wrapping would cut an override like
     * {@code strategies[1].treatments.price-campaign} at its dots and dashes.
     */
    static String wrap(String line, double width) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        StringBuilder out = new StringBuilder();
        StringBuilder current = new StringBuilder();
        for (String part : PARTS.split(line)) {
            String candidate = current + part;
            if (current.length() > 0 && FONT.getStringBounds(candidate.stripTrailing(), frc).getWidth() > width * FILL) {
                out.append(current.toString().stripTrailing()).append('\n');
                current.setLength(0);
            }
            current.append(part);
        }
        return out.append(current.toString().stripTrailing()).toString();
    }

    /** The source line on {@code chart} (with the line breaks it was drawn with), or null when it has none. */
    public static String of(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle text && TITLE_ID.equals(text.getID())) {
                return text.getText();
            }
        }
        return null;
    }
}
