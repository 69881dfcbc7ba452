package org.segmentlab.reports.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.segmentlab.reports.chart.BridgeChart;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.simulator.analysis.BridgeComponent;
import org.segmentlab.simulator.analysis.BridgeRow;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The report section "Why the strategies differ": each non-baseline strategy's profit bridge as a waterfall, then one
 * table of every component (rows) by strategy (columns) with its 95% interval. Placed right after the key figures;
 * kept apart from {@link HtmlReport} so the page needs one call and one filter for it.
 */
final class BridgeSection {
    static final String ID = "why-strategies-differ";
    static final String HEADING = "Why the strategies differ";

    private BridgeSection() {
    }

    /** Whether the page has this section: two strategies or more, with the bridge's metrics. */
    static boolean applies(RunResult result) {
        return ProfitBridge.available(result.metrics());
    }

    /** Whether {@code chart} belongs to this section rather than to the chart sections. */
    static boolean owns(InlineChart chart) {
        return chart.id().startsWith(BridgeChart.ID_PREFIX);
    }

    /** The entry of the page's contents, or nothing. */
    static String contentsEntry(RunResult result) {
        return applies(result) ? "<li><a href=\"#" + ID + "\">" + HEADING + "</a></li>\n" : "";
    }

    static void append(StringBuilder html, RunResult result, List<InlineChart> charts) {
        if (!applies(result)) {
            return;
        }
        List<String> strategies = result.metrics().strategies();
        String baseline = strategies.get(0);
        int replications = result.metrics().replications();
        List<BridgeRow> rows = ProfitBridge.of(result.metrics());
        html.append("<section id=\"").append(ID).append("\">\n<h2>").append(HEADING).append("</h2>\n")
                .append("<p class=\"note\">Each strategy's cumulative profit minus ").append(Html.escape(baseline))
                .append("'s, split into parts that add up to it exactly: month by month the margin on sales is customer-months")
                .append(" × purchases per customer × margin per purchase, and the change of each factor is weighed by the")
                .append(" Shapley value (the average over every order of changing them), so no part depends on the order")
                .append(" it is listed in. Customer-months are split by whose they are: month-0 customers kept (retention) or the")
                .append(" customers each channel brought during the run. The other lines are the differences of the costs and")
                .append(" fees. An accounting split, not an experiment: it says where the money came from, not which treatment")
                .append(" caused it. Also in bridge.csv.</p>\n");
        for (InlineChart chart : charts) {
            html.append("<figure id=\"").append(Html.escape(chart.id())).append("\">\n").append(chart.svg()).append("\n<figcaption>")
                    .append(Html.escape(chart.caption())).append(" <span class=\"file\">(charts/").append(Html.escape(chart.id()))
                    .append(".png, .svg)</span></figcaption>\n</figure>\n");
        }
        // A component is a row when it is non-zero for some strategy.
        Set<BridgeComponent> shown = new LinkedHashSet<>();
        List<String> leftOut = new ArrayList<>();
        for (BridgeComponent c : BridgeComponent.values()) {
            boolean any = false;
            for (String strategy : strategies.subList(1, strategies.size())) {
                any |= !BridgeChart.shown(List.of(row(rows, strategy, c))).isEmpty();
            }
            if (any) {
                shown.add(c);
            } else {
                leftOut.add(c.label());
            }
        }
        html.append("<div class=\"table-wrap\">\n<table class=\"bridge\">\n<thead>\n<tr><th>Part (")
                .append(Html.escape(result.currency())).append(")</th>");
        for (String strategy : strategies.subList(1, strategies.size())) {
            html.append("<th>").append(Html.escape(strategy)).append(" − ").append(Html.escape(baseline)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (BridgeComponent c : shown) {
            boolean total = !c.isPart();
            html.append("<tr><td>").append(total ? "<strong>total difference</strong>" : Html.escape(c.label()))
                    .append(" <small>").append(c.id()).append("</small></td>");
            for (String strategy : strategies.subList(1, strategies.size())) {
                MeanInterval v = row(rows, strategy, c).value();
                boolean clear = Double.isFinite(v.low()) && (v.low() > 0 || v.high() < 0);
                html.append("<td").append(clear ? " class=\"clear\"" : "").append(" title=\"").append(Formats.signedAmount(v.mean()))
                        .append("\">").append(Formats.compact(v.mean(), true));
                if (Double.isFinite(v.low())) {
                    html.append("<small>[").append(Formats.compact(v.low(), false)).append(", ")
                            .append(Formats.compact(v.high(), false)).append("]</small>");
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n<p class=\"note\">Summed over months 1–").append(result.metrics().months())
                .append(replications > 1 ? "; mean of " + replications + " paired replications with its 95% interval (mean ± t·sd/√R), bold when it excludes zero"
                        : "; no interval: 1 replication")
                .append(leftOut.isEmpty() ? "" : "; no difference under any strategy in " + Html.escape(String.join(", ", leftOut)))
                .append(".</p>\n</section>\n");
    }

    private static BridgeRow row(List<BridgeRow> rows, String strategy, BridgeComponent c) {
        return rows.stream().filter(r -> r.strategy().equals(strategy) && r.component() == c).findFirst().orElseThrow();
    }
}
