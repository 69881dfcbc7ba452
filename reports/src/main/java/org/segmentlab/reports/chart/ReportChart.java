package org.segmentlab.reports.chart;

import java.util.Locale;

import org.jfree.chart.JFreeChart;

/**
 * One chart of the report: a file name stem ({@code id}: lower-case, digits, dashes), the title, a one-line
 * caption saying what it shows, and the JFreeChart to draw.
 */
public record ReportChart(String id, String title, String caption, JFreeChart chart) {

    public ReportChart {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("chart id must be lower-case words joined by dashes, got '" + id + "'");
        }
    }

    /** A file-name-safe form of a strategy or segment name ("Price war!" → "price-war"), never empty. */
    public static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
