package org.segmentlab.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.segmentlab.reports.chart.AcquisitionChannelsChart;
import org.segmentlab.reports.chart.BridgeChart;
import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.EventMarks;
import org.segmentlab.reports.chart.MonthAxes;
import org.segmentlab.reports.chart.PairedDifferenceChart;
import org.segmentlab.reports.chart.ProfitChart;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.RetentionChart;
import org.segmentlab.reports.chart.SegmentMixChart;
import org.segmentlab.reports.chart.SourceLine;
import org.segmentlab.reports.chart.Top20ShareChart;
import org.segmentlab.reports.chart.WordOfMouthChart;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The report charts the page shows, drawn as SVG: the paired differences and each strategy's profit bridge, the
 * comparison charts (all strategies in one chart each: retention, profit, top-20% share, word of mouth in two, new
 * customers by channel) and each strategy's segment mix, side by side. Only these are drawn for the page
 * (the full set is drawn for the bundle), and only as SVG, so charts appear quickly after a run.
 */
final class PageCharts {

    /** Where a chart sits on the page. */
    enum Group { DIFFERENCES, COMPARISON, PER_STRATEGY }

    /** A drawn chart; {@code strategy} is set for per-strategy charts. */
    record Drawn(Group group, String strategy, String title, String caption, String svg, int width, int height) {
    }

    /**
     * The page shows charts in columns about 600 px wide: drawn on a 640 × 400 canvas (the report's 8:5) their
     * text stays near its set size there instead of shrinking to 70% as the report's 800 × 500 would.
     */
    static final int WIDTH = 640;
    static final int HEIGHT = 400;
    /**
     * Extra height of the paired-difference chart per compared strategy beyond the first: its four panels hold a row
     * per compared strategy, and three rows in 400 px overlap their labels.
     */
    static final int ROW_HEIGHT = 80;
    /**
     * Extra height of a profit bridge: its eleven rows under a two-line title and subtitle got 14 px each at 640 × 400,
     * and the axis then labelled only every other row.
     */
    static final int BRIDGE_EXTRA = 100;

    private PageCharts() {
    }

    /**
     * Draws the page's charts, several at once, each with {@code sourceLine} at its foot.
     *
     * @throws CancellationException when the thread is interrupted while drawing
     */
    static List<Drawn> draw(RunResult result, String sourceLine) {
        return draw(result, sourceLine, null);
    }

    /**
     * As {@link #draw(RunResult, String)}, with {@code previous} (the session's previous finished run, or null) drawn
     * faintly under the retention chart when it is {@linkplain PreviousRunOverlay#comparable comparable}.
     */
    static List<Drawn> draw(RunResult result, String sourceLine, RunResult previous) {
        return draw(result, sourceLine, previous, result.metrics().months());
    }

    /**
     * As {@link #draw(RunResult, String, RunResult)}, every time chart framed on months 0 … {@code frameMonths}: a run
     * still going on is drawn in its final frame, its lines growing to the right.
     */
    static List<Drawn> draw(RunResult result, String sourceLine, RunResult previous, int frameMonths) {
        List<Group> groups = new ArrayList<>();
        List<String> strategies = new ArrayList<>();
        List<ReportChart> charts = new ArrayList<>();
        if (PairedDifferenceChart.applies(result)) {
            add(groups, strategies, charts, Group.DIFFERENCES, null, PairedDifferenceChart.of(result));
            // the profit bridge of each strategy (why it earns more or less than the baseline; its title says who)
            for (ReportChart bridge : BridgeChart.of(result)) {
                add(groups, strategies, charts, Group.DIFFERENCES, null, bridge);
            }
        }
        ReportChart retention = RetentionChart.of(result);
        if (PreviousRunOverlay.comparable(result, previous)) {
            retention = PreviousRunOverlay.apply(retention, previous, Metric.RETENTION_INITIAL.key());
        }
        add(groups, strategies, charts, Group.COMPARISON, null, retention);
        add(groups, strategies, charts, Group.COMPARISON, null, ProfitChart.of(result));
        add(groups, strategies, charts, Group.COMPARISON, null, Top20ShareChart.of(result));
        // word of mouth in two charts of one row: the report's two rows of panels leave 10-20 px plots at 640 x 400
        for (ReportChart wordOfMouth : WordOfMouthChart.inTwo(result)) {
            add(groups, strategies, charts, Group.COMPARISON, null, wordOfMouth);
        }
        add(groups, strategies, charts, Group.COMPARISON, null, AcquisitionChannelsChart.of(result));
        for (String strategy : result.metrics().strategies()) {
            add(groups, strategies, charts, Group.PER_STRATEGY, strategy, SegmentMixChart.of(result, strategy));
        }
        MonthAxes.extend(charts, frameMonths);
        // the scenario's events shaded on every time chart, as in the report
        List<ReportChart> marked = EventMarks.apply(charts, result.events());
        SourceLine.stamp(marked, sourceLine, WIDTH);
        // Each chart draws independently; the common pool spreads them over the processors.
        int[] heights = new int[marked.size()];
        for (int i = 0; i < heights.length; i++) {
            String id = marked.get(i).id();
            boolean forest = id.equals(PairedDifferenceChart.ID);
            heights[i] = forest ? HEIGHT + ROW_HEIGHT * Math.max(0, result.metrics().strategies().size() - 2)
                    : id.startsWith(BridgeChart.ID_PREFIX) ? HEIGHT + BRIDGE_EXTRA : HEIGHT;
        }
        List<String> svgs = java.util.stream.IntStream.range(0, marked.size()).parallel()
                .mapToObj(i -> ChartExport.svgElement(marked.get(i).chart(), "c" + i, WIDTH, heights[i]))
                .toList();
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("interrupted while drawing charts");
        }
        List<Drawn> out = new ArrayList<>();
        for (int i = 0; i < charts.size(); i++) {
            ReportChart c = marked.get(i);
            out.add(new Drawn(groups.get(i), strategies.get(i), c.title(), c.caption(), ChartExport.svgDocument(svgs.get(i)),
                    WIDTH, heights[i]));
        }
        return out;
    }

    private static void add(List<Group> groups, List<String> strategies, List<ReportChart> charts, Group group,
            String strategy, ReportChart chart) {
        groups.add(group);
        strategies.add(strategy);
        charts.add(chart);
    }
}
