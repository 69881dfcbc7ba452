package org.segmentlab.reports.html;

/**
 * A chart as the HTML report embeds it.
 *
 * @param id      the chart's id (also the anchor and the file stem under {@code charts/})
 * @param title   the chart's title
 * @param caption one line saying what the chart shows
 * @param svg     the {@code <svg>} element, ids already unique within the page
 */
public record InlineChart(String id, String title, String caption, String svg) {
}
