package org.segmentlab.reports.html;

import java.util.List;

import org.segmentlab.reports.chart.AttributionChart;
import org.segmentlab.reports.chart.Formats;
import org.segmentlab.simulator.analysis.AttributionRow;
import org.segmentlab.simulator.analysis.TreatmentAttribution;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The report section "What each treatment adds": per non-baseline strategy, its attribution chart and a table of
 * what each treated segment's treatment adds (with the 95% interval), the advertising and the interaction. Without
 * attribution (--no-attribution) it says how to get it. Kept apart from {@link HtmlReport} so its one call is all the
 * page needs.
 */
final class AttributionSection {
    static final String ID = "treatment-attribution";
    static final String HEADING = "What each treatment adds";

    private AttributionSection() {
    }

    /** Whether the page has this section: two strategies or more (one has nothing to attribute). */
    static boolean applies(RunResult result) {
        return result.metrics().strategies().size() > 1;
    }

    /** Whether {@code chart} belongs to this section rather than to the chart sections. */
    static boolean owns(InlineChart chart) {
        return chart.id().startsWith(AttributionChart.ID_PREFIX);
    }

    static void append(StringBuilder html, RunResult result, List<InlineChart> charts) {
        if (!applies(result)) {
            return;
        }
        String baseline = result.metrics().strategies().get(0);
        html.append("<section id=\"").append(ID).append("\">\n<h2>").append(HEADING).append("</h2>\n");
        if (!TreatmentAttribution.available(result)) {
            html.append("<p class=\"note\">This run skipped the attribution (run or compare with --no-attribution, or the")
                    .append(" workbench). To see what each segment's treatment adds to each strategy, run the scenario with")
                    .append(" bin/segmentlab run or compare without --no-attribution: it costs one extra strategy run per")
                    .append(" treated segment.</p>\n</section>\n");
            return;
        }
        List<AttributionRow> rows = TreatmentAttribution.of(result);
        if (rows.isEmpty()) {
            html.append("<p class=\"note\">No strategy treats a segment or advertises differently from ")
                    .append(Html.escape(baseline)).append(": nothing to attribute.</p>\n</section>\n");
            return;
        }
        html.append("<p class=\"note\">Each row: the strategy's cumulative profit minus that of the same strategy with")
                .append(" only that segment treated as in ").append(Html.escape(baseline))
                .append(" (its advertising as in ").append(Html.escape(baseline)).append(" for the advertising row), on the same")
                .append(" customers and random numbers. The interaction is the rest of the strategy's difference to ")
                .append(Html.escape(baseline)).append(": what the treatments do only together (customers one treatment keeps")
                .append(" are treated longer by another; a budget one segment frees treats another). The rows add up to the")
                .append(" difference. Also in attribution.csv.</p>\n");
        for (InlineChart chart : charts) {
            html.append("<figure id=\"").append(Html.escape(chart.id())).append("\">\n").append(chart.svg()).append("\n<figcaption>")
                    .append(Html.escape(chart.caption())).append(" <span class=\"file\">(charts/").append(Html.escape(chart.id()))
                    .append(".png, .svg)</span></figcaption>\n</figure>\n");
        }
        html.append("<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Strategy</th><th>Segment</th><th>Treatment</th><th>Adds (")
                .append(Html.escape(result.currency())).append(")</th><th>95% interval</th></tr>\n</thead>\n<tbody>\n");
        for (AttributionRow row : rows) {
            boolean interval = Double.isFinite(row.value().low());
            html.append("<tr><td>").append(Html.escape(row.strategy())).append("</td><td>").append(Html.escape(row.segment()))
                    .append("</td><td>").append(Html.escape(row.treatment())).append("</td><td>")
                    .append(Formats.signedAmount(row.value().mean())).append("</td><td>")
                    .append(interval ? Formats.signedAmount(row.value().low()) + " to " + Formats.signedAmount(row.value().high())
                            : "no interval: 1 replication")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n</section>\n");
    }
}
