package org.segmentlab.reports.calibration;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.reports.chart.ReportChart;

/** Every chart of a calibration report, in reading order; charts whose data the input lacks are left out. */
final class CalibrationCharts {

    private CalibrationCharts() {
    }

    /**
     * The charts: repeat-purchase histogram; with a holdout, cumulative and per-period tracking and the conditional
     * expectations; the sBG survival; the spend distribution.
     */
    public static List<ReportChart> all(CalibrationReportInput input) {
        List<ReportChart> charts = new ArrayList<>();
        charts.add(RepeatPurchaseChart.of(input.histogram(), input.calibrationEnd()));
        TrackingSeries tracking = input.tracking();
        if (tracking != null) {
            charts.add(TrackingChart.cumulative(tracking));
            charts.add(TrackingChart.incremental(tracking));
        }
        if (input.conditional() != null) {
            int holdout = 0;
            if (tracking != null) {
                double[] t = tracking.period();
                holdout = (int) Math.round(t[t.length - 1] - tracking.calibrationEnd());
            }
            charts.add(ConditionalExpectationChart.of(input.conditional(), input.unit(), holdout));
        }
        if (input.survival() != null) {
            charts.add(SurvivalChart.of(input.survival()));
        }
        if (input.spend() != null) {
            charts.add(SpendChart.of(input.spend()));
        }
        return List.copyOf(charts);
    }
}
