package org.segmentlab.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

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

    private SourceLine() {
    }

    /** Adds (or replaces) the source line at the foot of {@code chart}; returns the chart. */
    public static JFreeChart stamp(JFreeChart chart, String line) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle text && TITLE_ID.equals(text.getID())) {
                text.setText(line);
                return chart;
            }
        }
        TextTitle title = new TextTitle(line, FONT);
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

    /** Stamps every chart of {@code charts} with {@code line}; returns them in the same order. */
    public static List<ReportChart> stamp(List<ReportChart> charts, String line) {
        List<ReportChart> out = new ArrayList<>(charts.size());
        for (ReportChart chart : charts) {
            stamp(chart.chart(), line);
            out.add(chart);
        }
        return out;
    }

    /** The source line on {@code chart}, or null when it has none. */
    public static String of(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle text && TITLE_ID.equals(text.getID())) {
                return text.getText();
            }
        }
        return null;
    }
}
