package org.segmentlab.reports.deck;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.segmentlab.reports.chart.ChartExport;

/**
 * A report chart drawn for a slide: 16:9 like the slide, and without the two lines the slide already shows in
 * text (the chart's title is the slide's title, the source line its footnote), so neither appears twice.
 */
final class SlidePicture {
    /** Logical canvas (points at 100%); drawn at 2×. Near the slide's picture frame, so the chart's fonts stay legible. */
    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    private SlidePicture() {
    }

    /** The PNG bytes of {@code chart} for a slide; {@code sourceLine} is dropped from its subtitles when present. */
    static byte[] png(JFreeChart chart, String sourceLine) {
        return ChartExport.png(withoutSlideText(chart, sourceLine), WIDTH, HEIGHT);
    }

    /**
     * A copy of {@code chart} without its title and without a subtitle reading {@code sourceLine}; the report's
     * own chart is left as it is (it is also drawn for the PNG, SVG and HTML files). A chart that cannot be copied
     * is drawn whole: a repeated title is better than a missing chart.
     */
    static JFreeChart withoutSlideText(JFreeChart chart, String sourceLine) {
        JFreeChart copy;
        try {
            copy = (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            return chart;
        }
        copy.setTitle((TextTitle) null);
        for (int i = copy.getSubtitleCount() - 1; i >= 0; i--) {
            Title sub = copy.getSubtitle(i);
            if (sub instanceof TextTitle text && text.getText().trim().equals(sourceLine.trim())) {
                copy.removeSubtitle(sub);
            }
        }
        return copy;
    }
}
