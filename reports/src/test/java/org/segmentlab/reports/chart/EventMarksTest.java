package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelRun;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.EventPeriod;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.scenario.ScenarioDocument;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * The scenario's events are shaded and labelled on every time chart of the report (panels included), at the months
 * they are in effect, and nowhere else; a run without events has no marks.
 */
class EventMarksTest {
    /** The time charts of a two-strategy report and how many month-axis panels each has. */
    private static final Map<String, Integer> TIME_PANELS = Map.of(
            "differences-monthly", 3, "retention", 1, "profit", 2, "revenue-active", 2, "top20-share", 1, "word-of-mouth", 6,
            "acquisition-channels", 2);

    /** scenarios/rep-departure.yaml at a tenth of its size, 18 months, 2 replications: the departure is months 12–17. */
    private static RunResult repDeparture(String share) {
        ScenarioDocument doc = Scenarios.load(Path.of("..", "scenarios", "rep-departure.yaml"))
                .with("market.potential", "12000").with("market.initialCustomers", "2000").with("months", "18").with("replications", "2")
                .with("events[0].share", share);
        return Simulator.run(doc.scenario(), RunOptions.threads(2));
    }

    @Test
    void aRepDepartureIsShadedOnEveryTimeChartAtItsMonths() {
        RunResult run = repDeparture("0.5");
        assertThat(run.events()).containsExactly(new EventPeriod("Rep departure", 12, 17));
        List<ReportChart> charts = ReportCharts.all(run);
        Map<String, ReportChart> byId = charts.stream().collect(Collectors.toMap(ReportChart::id, Function.identity()));
        for (Map.Entry<String, Integer> time : TIME_PANELS.entrySet()) {
            List<XYPlot> plots = xyPlots(byId.get(time.getKey()).chart());
            assertThat(plots).as(time.getKey()).hasSize(time.getValue());
            for (XYPlot plot : plots) {
                assertMarked(plot, time.getKey());
            }
            assertThat(byId.get(time.getKey()).caption()).as(time.getKey()).endsWith("Shaded: rep departure, months 12\u201317.");
        }
        for (String strategy : List.of("no-programme", "handover-programme")) {
            assertMarked(byId.get("segment-mix-" + strategy).chart().getXYPlot(), "segment mix " + strategy);
        }
        // charts without a month axis are left alone
        for (ReportChart chart : charts) {
            if (!TIME_PANELS.containsKey(chart.id()) && !chart.id().startsWith("segment-mix-")) {
                for (XYPlot plot : xyPlots(chart.chart())) {
                    assertThat(intervals(plot)).as(chart.id()).isEmpty();
                }
                assertThat(chart.caption()).as(chart.id()).doesNotContain("Shaded");
            }
        }
        // the label is drawn: it is in the SVG of a chart
        ReportChart retention = byId.get("retention");
        assertThat(ChartExport.svgElement(retention.chart(), retention.id())).contains("Rep departure");
    }

    @Test
    void aRunWithoutEventsOrWithAnEventThatTouchesNobodyHasNoMarks() {
        RunResult none = repDeparture("0");
        assertThat(none.events()).isEmpty();
        for (RunResult run : List.of(none, ChannelRun.get())) {
            for (ReportChart chart : ReportCharts.all(run)) {
                for (XYPlot plot : xyPlots(chart.chart())) {
                    assertThat(intervals(plot)).as(chart.id()).isEmpty();
                }
                assertThat(chart.caption()).doesNotContain("Shaded");
            }
        }
    }

    @Test
    void anEventRunningPastTheLastMonthIsClippedToTheRun() {
        ScenarioDocument doc = Scenarios.load(Path.of("..", "scenarios", "rep-departure.yaml"))
                .with("market.potential", "6000").with("market.initialCustomers", "1000").with("months", "14");
        RunResult run = Simulator.run(doc.scenario(), RunOptions.threads(2));
        assertThat(run.events()).containsExactly(new EventPeriod("Rep departure", 12, 14));
        assertThat(EventMarks.note(run.events())).isEqualTo("Shaded: rep departure, months 12\u201314.");
    }

    @Test
    void labelsGetAStripAboveThePlotOnlyWhereTheDataRunsHighUnderThem() {
        List<EventPeriod> outage = List.of(new EventPeriod("Service outage", 12, 13));
        XYPlot peak = plotOf(t -> t == 12 ? 20.0 : 10.0);
        XYPlot dip = plotOf(t -> 30.0 - t - (t == 12 ? 3 : 0));
        double before = dip.getRangeAxis().getUpperMargin();
        EventMarks.apply(List.of(new ReportChart("peak", "Peak", "A peak.", new JFreeChart(peak)),
                new ReportChart("dip", "Dip", "A dip.", new JFreeChart(dip))), outage);
        // a peak under the label: the axis makes room above it
        assertThat(peak.getRangeAxis().getUpperMargin()).isGreaterThan(0.1);
        // a falling line with a dip, highest far from the event (retention): the axis is left as it was, no tick above 100%
        assertThat(dip.getRangeAxis().getUpperMargin()).isEqualTo(before);
    }

    /** Months 0 … 24 of {@code value}, on a month axis. */
    private static XYPlot plotOf(java.util.function.IntToDoubleFunction value) {
        XYSeries series = new XYSeries("s");
        for (int t = 0; t <= 24; t++) {
            series.add(t, value.applyAsDouble(t));
        }
        XYPlot plot = ChartStyle.xyPlot(ChartStyle.monthAxis(24), ChartStyle.valueAxis("y", Formats.compactTicks()),
                new XYLineAndShapeRenderer(true, false));
        plot.setDataset(new XYSeriesCollection(series));
        return plot;
    }

    /** The shade behind the data from the month before the event to its last month, and a labelled edge in front. */
    private static void assertMarked(XYPlot plot, String what) {
        List<IntervalMarker> background = intervals(plot, Layer.BACKGROUND);
        List<IntervalMarker> foreground = intervals(plot, Layer.FOREGROUND);
        assertThat(background).as(what).hasSize(1);
        assertThat(foreground).as(what).hasSize(1);
        for (IntervalMarker marker : List.of(background.get(0), foreground.get(0))) {
            assertThat(marker.getStartValue()).as(what).isEqualTo(11.0);
            assertThat(marker.getEndValue()).as(what).isEqualTo(17.0);
        }
        assertThat(background.get(0).getPaint()).isEqualTo(EventMarks.SHADE);
        assertThat(foreground.get(0).getLabel()).isEqualTo("Rep departure");
    }

    private static List<IntervalMarker> intervals(XYPlot plot) {
        List<IntervalMarker> all = new ArrayList<>(intervals(plot, Layer.BACKGROUND));
        all.addAll(intervals(plot, Layer.FOREGROUND));
        return all;
    }

    private static List<IntervalMarker> intervals(XYPlot plot, Layer layer) {
        Collection<?> markers = plot.getDomainMarkers(layer);
        List<IntervalMarker> out = new ArrayList<>();
        if (markers != null) {
            for (Object marker : markers) {
                if (marker instanceof IntervalMarker interval) {
                    out.add(interval);
                }
            }
        }
        return out;
    }

    /** Every XY plot of a chart: its own, or each panel's of a grid. */
    private static List<XYPlot> xyPlots(JFreeChart chart) {
        List<XYPlot> out = new ArrayList<>();
        Plot plot = chart.getPlot();
        if (plot instanceof PanelGridPlot grid) {
            for (JFreeChart panel : grid.panels()) {
                out.addAll(xyPlots(panel));
            }
        } else if (plot instanceof XYPlot xy) {
            out.add(xy);
        }
        return out;
    }
}
