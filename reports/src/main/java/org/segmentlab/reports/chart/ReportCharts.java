package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.simulator.metrics.RunResult;

/** Every chart of a report for a run, in reading order; charts whose data the run lacks are left out. */
public final class ReportCharts {

    private ReportCharts() {
    }

    /** The charts in report order: differences, retention, profit, Pareto, Lorenz, WOM, segment mix, migration, switches, classifier. */
    public static List<ReportChart> all(RunResult result) {
        List<ReportChart> charts = new ArrayList<>();
        if (PairedDifferenceChart.applies(result)) {
            charts.add(PairedDifferenceChart.of(result));
        }
        charts.add(RetentionChart.of(result));
        charts.add(ProfitChart.of(result));
        charts.add(Top20ShareChart.of(result));
        charts.add(LorenzChart.of(result));
        charts.add(WordOfMouthChart.of(result));
        charts.addAll(SegmentMixChart.of(result));
        charts.addAll(TransitionHeatmapChart.of(result));
        charts.addAll(SegmentFlowChart.of(result));
        charts.addAll(ConfusionMatrixChart.of(result));
        return charts;
    }
}
