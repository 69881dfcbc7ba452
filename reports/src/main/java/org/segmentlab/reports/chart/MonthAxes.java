package org.segmentlab.reports.chart;

import java.util.List;

import org.jfree.chart.plot.XYPlot;

/**
 * The x axis of every time chart set to a run's whole length: charts of a run still going on (the workbench draws
 * its first months while the rest are simulated) keep the final chart's frame, so the lines grow to the right
 * instead of the axis stretching under them.
 */
public final class MonthAxes {

    private MonthAxes() {
    }

    /** Sets every time plot of {@code charts} (panels included) to months 0 … {@code months}; other charts stay. */
    public static void extend(List<ReportChart> charts, int months) {
        for (ReportChart chart : charts) {
            for (XYPlot plot : EventMarks.timePlots(chart.chart())) {
                plot.getDomainAxis().setRange(0, Math.max(1, months));
            }
        }
    }
}
