package org.segmentlab.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.BridgeRun;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.simulator.analysis.BridgeComponent;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;

/** The report's section "Why the strategies differ": after the key figures, the waterfall, a table with intervals. */
class BridgeSectionTest {

    private static String render(RunResult run) {
        List<InlineChart> charts = new ArrayList<>();
        for (ReportChart chart : ReportCharts.all(run)) {
            charts.add(new InlineChart(chart.id(), chart.title(), chart.caption(), ChartExport.svgElement(chart.chart(), chart.id())));
        }
        return HtmlReport.render(run, "", "name: x\n", "0.1.0-TEST", charts);
    }

    @Test
    void theSectionFollowsTheKeyFiguresWithTheWaterfallAndEveryPartsInterval() {
        RunResult run = BridgeRun.get();
        String html = render(run);
        int keyFigures = html.indexOf("<section id=\"key-figures\">");
        int section = html.indexOf("<section id=\"why-strategies-differ\">");
        int next = html.indexOf("<section id=\"against-baseline\">");
        assertThat(keyFigures).isPositive();
        assertThat(section).as("right after the key figures").isGreaterThan(keyFigures).isLessThan(next);
        assertThat(html).contains("<h2>Why the strategies differ</h2>", "<li><a href=\"#why-strategies-differ\">");
        String body = html.substring(section, next);
        assertThat(body).contains("<figure id=\"bridge-textbook\">", "<svg", "bridge.csv", "textbook − baseline");
        assertThat(html.indexOf("<figure id=\"bridge-textbook\">")).as("drawn once, in this section").isEqualTo(html.lastIndexOf("<figure id=\"bridge-textbook\">"));
        MeanInterval discounts = ProfitBridge.of(run.metrics(), "textbook").get(BridgeComponent.DISCOUNTS.ordinal()).value();
        assertThat(body).as("the discounts row with its interval").contains("discounts <small>discounts</small></td><td class=\"clear\" title=\""
                + Formats.signedAmount(discounts.mean()) + "\">" + Formats.compact(discounts.mean(), true) + "<small>["
                + Formats.compact(discounts.low(), false) + ", " + Formats.compact(discounts.high(), false) + "]</small></td>");
        assertThat(body).contains("<strong>total difference</strong>");
        HtmlReportTest.assertSelfContained(html);
    }

    @Test
    void aRunOfOneStrategyHasNoSuchSection() {
        String html = render(SyntheticRun.of(1, 2, 6, 3));
        assertThat(html).doesNotContain("why-strategies-differ");
    }
}
