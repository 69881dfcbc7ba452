package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.segmentlab.simulator.metrics.RunResult;

/** Every chart of a report for a run, in reading order; charts whose data the run lacks are left out. */
public final class ReportCharts {

    private ReportCharts() {
    }

    /**
     * {@link #all(RunResult)} with {@code sourceLine} (the run's {@code RunSource.line()}) at the foot of every
     * chart, as the report, the deck and the workbench draw them.
     */
    public static List<ReportChart> all(RunResult result, String sourceLine) {
        return SourceLine.stamp(all(result), sourceLine);
    }

    /**
     * The charts in report order: differences (final, then month by month), the profit bridge per strategy, what
     * each treatment adds (when the run attributed), retention, profit, revenue and active customers, Pareto, Lorenz,
     * WOM, acquisition channels, segment mix, migration, switches, classifier; every time chart with the scenario's
     * events shaded. Ids are unique: strategies whose names make the same file
     * name ("A b", "a-b") get "-2", "-3" … appended in order.
     */
    public static List<ReportChart> all(RunResult result) {
        List<ReportChart> charts = new ArrayList<>();
        if (PairedDifferenceChart.applies(result)) {
            charts.add(PairedDifferenceChart.of(result));
            charts.add(MonthlyDifferenceChart.of(result));
            charts.addAll(BridgeChart.of(result)); // the profit bridge of each strategy
        }
        charts.addAll(AttributionChart.of(result));
        charts.add(RetentionChart.of(result));
        charts.add(ProfitChart.of(result));
        charts.add(RevenueActiveChart.of(result));
        charts.add(Top20ShareChart.of(result));
        charts.add(LorenzChart.of(result));
        charts.add(WordOfMouthChart.of(result));
        charts.add(AcquisitionChannelsChart.of(result));
        charts.addAll(SegmentMixChart.of(result));
        charts.addAll(TransitionHeatmapChart.of(result));
        charts.addAll(SegmentFlowChart.of(result));
        charts.addAll(ConfusionMatrixChart.of(result));
        // the scenario's events shaded on every time chart, once, after every chart is built
        return EventMarks.apply(uniqueIds(charts), result.events());
    }

    private static List<ReportChart> uniqueIds(List<ReportChart> charts) {
        Set<String> seen = new HashSet<>();
        List<ReportChart> out = new ArrayList<>(charts.size());
        for (ReportChart chart : charts) {
            String id = chart.id();
            for (int k = 2; !seen.add(id); k++) {
                id = chart.id() + "-" + k;
            }
            out.add(id.equals(chart.id()) ? chart : new ReportChart(id, chart.title(), chart.caption(), chart.chart()));
        }
        return out;
    }
}
