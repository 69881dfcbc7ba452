package org.segmentlab.cli;

/** TEMPORARY: an internal reports type used from cli, to show the API rule fails. */
final class Violation {
    static final Object FONT = org.segmentlab.reports.chart.ChartStyle.TITLE;

    private Violation() {
    }
}
