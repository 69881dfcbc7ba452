package org.segmentlab.reports.chart;

import org.jfree.chart.axis.NumberAxis;

/**
 * The x axis of a time chart (months 0 … T). A type of its own so that {@link EventMarks} can find every time plot of a
 * finished chart, even panels whose axis label was dropped to save room.
 */
final class MonthAxis extends NumberAxis {
    private static final long serialVersionUID = 1L;

    MonthAxis() {
        super("Month");
    }
}
