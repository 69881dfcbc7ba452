package org.segmentlab.reports.html;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.Palette;
import org.segmentlab.reports.table.Interval;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.LifetimeValueTable;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * {@code report.html}: one self-contained page (no external URL, stylesheet, script or font; charts inline as
 * SVG) with the scenario's name and description, the key figures per strategy with their differences to the
 * baseline, every chart with a caption, lifetime value per segment and per acquisition channel, and the seed,
 * version and resolved scenario needed to replay the run. Readable when printed.
 */
public final class HtmlReport {

    /** The house stylesheet, shared by every SegmentLab page (report, calibration) so they look alike. */
    public static final String CSS = String.join("\n",
            ":root { --ink: #222; --muted: #555; --rule: #ddd; --soft: #f6f6f6; --accent: #0072B2; }",
            "* { box-sizing: border-box; }",
            "body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; }",
            "main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }",
            "h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2em 0 0.3em; }",
            "h2 { font-size: 1.35rem; margin: 2em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid var(--ink); }",
            "h3 { font-size: 1.05rem; margin: 1.4em 0 0.4em; }",
            "p.description { font-size: 1.1rem; margin: 0 0 0.6em; }",
            "p.meta, p.note, figcaption { color: var(--muted); font-size: 0.9rem; }",
            ".table-wrap { overflow-x: auto; }",
            "table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-variant-numeric: tabular-nums; font-size: 0.92rem; }",
            "th, td { padding: 6px 9px; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }",
            "td { white-space: nowrap; }",
            "th:first-child, td:first-child { text-align: left; }",
            "thead th { border-bottom: 2px solid var(--ink); font-size: 0.85rem; font-weight: 600; }",
            "td small { display: block; color: var(--muted); font-size: 0.78rem; }",
            "td.clear { font-weight: 700; }",
            "td.base { color: var(--muted); }",
            "td.channel { text-align: left; }",
            ".swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.45em; vertical-align: -0.05em; border-radius: 2px; }",
            "figure { margin: 1.2em 0 1.6em; break-inside: avoid; page-break-inside: avoid; }",
            "figure svg { display: block; width: 100%; max-width: 900px; height: auto; border: 1px solid var(--rule); }",
            "figcaption { max-width: 900px; }",
            "figcaption { margin-top: 0.4em; }",
            "nav ol { columns: 2; font-size: 0.92rem; padding-left: 1.3em; }",
            "nav a, a { color: var(--accent); }",
            "details { margin: 0.8em 0; border: 1px solid var(--rule); border-radius: 4px; padding: 0.4em 0.8em; }",
            "summary { cursor: pointer; font-weight: 600; }",
            "pre { overflow-x: auto; font: 13px/1.45 'DejaVu Sans Mono', Menlo, Consolas, monospace; background: var(--soft); padding: 12px; }",
            "dl.replay { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }",
            "dl.replay dt { font-weight: 600; } dl.replay dd { margin: 0; font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; }",
            "@media print {",
            "  body { font-size: 11pt; } main { max-width: none; padding: 0; }",
            "  h2 { break-after: avoid; page-break-after: avoid; } nav { display: none; }",
            "  figure svg { border: none; }",
            "  details > pre { display: block; white-space: pre-wrap; }",
            "}");

    private HtmlReport() {
    }

    /** The report page for {@code result}, embedding {@code charts} in their order, grouped in sections. */
    public static String render(RunResult result, String description, String resolvedScenarioYaml, String version, List<InlineChart> charts) {
        MetricsTable table = result.metrics();
        StringBuilder html = new StringBuilder(64 * 1024 + charts.size() * 200 * 1024);
        String name = Html.escape(result.scenarioName());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"SegmentLab ").append(Html.escape(version)).append("\">\n")
                .append("<title>").append(name).append(" · SegmentLab report</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n<main>\n");

        html.append("<header>\n<h1>").append(name).append("</h1>\n");
        if (!description.isBlank()) {
            html.append("<p class=\"description\">").append(Html.escape(description.strip())).append("</p>\n");
        }
        int replications = table.replications();
        html.append("<p class=\"meta\">").append(table.strategies().size()).append(" strateg").append(table.strategies().size() == 1 ? "y" : "ies")
                .append(" · ").append(table.months()).append(" months · ").append(replications).append(" replication").append(replications == 1 ? "" : "s")
                .append(" · seed ").append(result.seed()).append(" · currency ").append(Html.escape(result.currency()))
                .append(" · SegmentLab ").append(Html.escape(version)).append("</p>\n</header>\n");

        appendContents(html, charts);
        appendKeyFigures(html, result);
        appendCharts(html, charts);
        appendLifetimeValues(html, result);
        appendChannelValues(html, result);
        appendClassifier(html, result);
        appendReplay(html, result, resolvedScenarioYaml, version);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void appendContents(StringBuilder html, List<InlineChart> charts) {
        html.append("<nav>\n<ol>\n<li><a href=\"#key-figures\">Key figures</a></li>\n");
        for (InlineChart chart : charts) {
            html.append("<li><a href=\"#").append(Html.escape(chart.id())).append("\">").append(Html.escape(chart.title())).append("</a></li>\n");
        }
        html.append("<li><a href=\"#lifetime-value\">Lifetime value by segment</a></li>\n"
                + "<li><a href=\"#lifetime-value-by-channel\">Lifetime value by acquisition channel</a></li>\n<li><a href=\"#replay\">Replay this run</a></li>\n</ol>\n</nav>\n");
    }

    private static void appendKeyFigures(StringBuilder html, RunResult result) {
        MetricsTable table = result.metrics();
        String baseline = table.strategies().get(0);
        html.append("<section id=\"key-figures\">\n<h2>Key figures</h2>\n<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Strategy</th>");
        for (KeyFigure figure : KeyFigure.values()) {
            String unit = figure.unit() == KeyFigure.Unit.MONEY ? " (" + Html.escape(result.currency()) + ")" : "";
            html.append("<th>").append(Html.escape(figure.label())).append(unit).append("</th><th>Δ to ").append(Html.escape(baseline)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        List<StrategyFigures> all = StrategyFigures.of(table);
        for (int s = 0; s < all.size(); s++) {
            StrategyFigures figures = all.get(s);
            html.append("<tr><td>").append(swatch(s)).append(Html.escape(figures.strategy())).append("</td>");
            for (KeyFigure figure : KeyFigure.values()) {
                Interval value = figures.finalValue(figure);
                html.append("<td>").append(format(figure, value.mean()));
                if (value.hasInterval()) {
                    html.append("<small>").append(range(figure, value.low(), value.high(), false)).append("</small>");
                }
                html.append("</td>");
                if (figures.baseline()) {
                    html.append("<td class=\"base\">baseline</td>");
                } else {
                    PairedDifference d = figures.difference(figure).orElseThrow();
                    boolean clear = d.hasInterval() && !d.containsZero();
                    html.append(clear ? "<td class=\"clear\">" : "<td>").append(difference(figure, d.mean()));
                    html.append("<small>").append(d.hasInterval() ? range(figure, d.low(), d.high(), true) : "no interval: 1 replication").append("</small></td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n<p class=\"note\">Values at month ").append(table.months()).append(", mean of ")
                .append(table.replications()).append(" replication").append(table.replications() == 1 ? "" : "s")
                .append(table.replications() > 1 ? " (small: 95% interval)" : "")
                .append(". Δ: strategy minus ").append(Html.escape(baseline))
                .append(", taken per replication (common random numbers)")
                .append(table.replications() > 1 ? ", with its 95% interval (mean ± t·sd/√R); bold when the interval excludes zero" : "")
                .append(". Shares in %, their differences in percentage points (pp).</p>\n</section>\n");
    }

    private static String swatch(int strategy) {
        Color c = Palette.strategy(strategy);
        return String.format(Locale.ROOT, "<span class=\"swatch\" style=\"background:#%02x%02x%02x\"></span>", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String format(KeyFigure figure, double value) {
        return figure.unit() == KeyFigure.Unit.MONEY ? Formats.amount(value) : Formats.percent(value);
    }

    private static String difference(KeyFigure figure, double value) {
        return figure.unit() == KeyFigure.Unit.MONEY ? Formats.signedAmount(value) : Formats.points(value);
    }

    private static String range(KeyFigure figure, double low, double high, boolean difference) {
        if (figure.unit() == KeyFigure.Unit.MONEY) {
            // compact, so the interval is no wider than the figure above it
            return "[" + Formats.compact(low, false) + ", " + Formats.compact(high, false) + "]";
        }
        if (difference) {
            NumberFormat pp = Formats.pattern("0.0;" + Formats.MINUS + "0.0");
            return "[" + pp.format(100 * low) + ", " + pp.format(100 * high) + "]";
        }
        return "[" + Formats.percent(low) + ", " + Formats.percent(high) + "]";
    }

    /** A section of the page: a heading and the charts whose id matches. */
    private record Section(String heading, String intro, Predicate<String> ids) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("Strategies against the baseline", null, id -> id.equals("differences")),
            new Section("Retention and profit", null, id -> id.equals("retention") || id.equals("profit")),
            new Section("Concentration of revenue", null, id -> id.equals("top20-share") || id.equals("lorenz")),
            new Section("Word of mouth and acquisition", null, id -> id.equals("word-of-mouth") || id.equals("acquisition-channels")),
            new Section("Segment mix", null, id -> id.startsWith("segment-mix-")),
            new Section("Segment migration", null, id -> id.startsWith("transitions-")),
            new Section("Segment switches",
                    "Flows of monthly re-classifications between segments. The run keeps no per-customer history, so these are not month-0 → final flows of individual customers.",
                    id -> id.startsWith("segment-flow-")),
            new Section("Classifier against the truth", null, id -> id.startsWith("confusion-")));

    private static void appendCharts(StringBuilder html, List<InlineChart> charts) {
        List<InlineChart> left = new ArrayList<>(charts);
        for (Section section : SECTIONS) {
            List<InlineChart> mine = new ArrayList<>();
            for (InlineChart chart : charts) {
                if (section.ids().test(chart.id())) {
                    mine.add(chart);
                }
            }
            left.removeAll(mine);
            appendSection(html, section.heading(), section.intro(), mine);
        }
        appendSection(html, "More charts", null, left);
    }

    private static void appendSection(StringBuilder html, String heading, String intro, List<InlineChart> charts) {
        if (charts.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>").append(Html.escape(heading)).append("</h2>\n");
        if (intro != null) {
            html.append("<p class=\"note\">").append(Html.escape(intro)).append("</p>\n");
        }
        for (InlineChart chart : charts) {
            html.append("<figure id=\"").append(Html.escape(chart.id())).append("\">\n").append(chart.svg()).append("\n<figcaption>")
                    .append(Html.escape(chart.caption())).append(" <span class=\"file\">(charts/").append(Html.escape(chart.id()))
                    .append(".png, .svg)</span></figcaption>\n</figure>\n");
        }
        html.append("</section>\n");
    }

    private static void appendLifetimeValues(StringBuilder html, RunResult result) {
        LifetimeValueTable ltv = LifetimeValueTable.of(result);
        html.append("<section id=\"lifetime-value\">\n<h2>Lifetime value by segment</h2>\n<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Segment at month 0</th><th>Customers</th>");
        for (int s = 0; s < ltv.strategies().size(); s++) {
            html.append("<th>").append(swatch(s)).append(Html.escape(ltv.strategies().get(s))).append(" (").append(Html.escape(result.currency())).append(")</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (int g = 0; g < ltv.segments().size(); g++) {
            html.append("<tr><td>").append(Html.escape(ltv.segments().get(g))).append("</td><td>").append(Formats.amount(ltv.initialCustomers(0, g))).append("</td>");
            for (int s = 0; s < ltv.strategies().size(); s++) {
                html.append("<td>").append(Formats.amount(ltv.value(s, g))).append("</td>");
            }
            html.append("</tr>\n");
        }
        int replications = result.metrics().replications();
        html.append("</tbody>\n</table>\n</div>\n<p class=\"note\">Discounted margin per customer over the run, for the customers in each segment at month 0")
                .append(replications > 1 ? ", pooled over " + replications + " replications" : "")
                .append("; customers: at month 0 under the baseline").append(replications > 1 ? ", mean per replication" : "").append(".</p>\n</section>\n");
    }

    /**
     * Per strategy and acquisition channel: customers, value, acquisition cost and net value per customer. Channels
     * that brought nobody under any strategy are left out (and named in the note).
     */
    private static void appendChannelValues(StringBuilder html, RunResult result) {
        LifetimeValueTable ltv = LifetimeValueTable.of(result);
        List<AcquisitionChannel> shown = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (AcquisitionChannel channel : ltv.channels()) {
            boolean any = false;
            for (int s = 0; s < ltv.strategies().size(); s++) {
                any |= ltv.channelCustomers(s, channel) > 0;
            }
            if (any) {
                shown.add(channel);
            } else {
                empty.add(channel.label());
            }
        }
        String currency = " (" + Html.escape(result.currency()) + ")";
        html.append("<section id=\"lifetime-value-by-channel\">\n<h2>Lifetime value by acquisition channel</h2>\n");
        if (!shown.isEmpty()) {
            html.append("<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Strategy</th><th>Channel</th><th>Customers</th><th>Value per customer")
                    .append(currency).append("</th><th>Acquisition cost per customer").append(currency).append("</th><th>Net value per customer")
                    .append(currency).append("</th></tr>\n</thead>\n<tbody>\n");
            for (int s = 0; s < ltv.strategies().size(); s++) {
                for (int c = 0; c < shown.size(); c++) {
                    AcquisitionChannel channel = shown.get(c);
                    html.append("<tr>");
                    if (c == 0) {
                        html.append("<td rowspan=\"").append(shown.size()).append("\">").append(swatch(s)).append(Html.escape(ltv.strategies().get(s)))
                                .append("</td>");
                    }
                    html.append("<td class=\"channel\">").append(Html.escape(channel.label())).append("</td><td>")
                            .append(Formats.count(ltv.channelCustomers(s, channel))).append("</td><td>")
                            .append(Formats.amount(ltv.channelValue(s, channel))).append("</td><td>")
                            .append(Formats.amount(ltv.channelCost(s, channel))).append("</td><td>")
                            .append(Formats.amount(ltv.channelNetValue(s, channel))).append("</td></tr>\n");
                }
            }
            html.append("</tbody>\n</table>\n</div>\n");
        }
        int replications = result.metrics().replications();
        html.append("<p class=\"note\">From arrival to the end of the run: customers acquired late had less time; compare channels within a strategy. ")
                .append("Value: discounted margin per customer; cost: what acquiring one cost (referral rewards and win-back offers included); ")
                .append("net = value \u2212 cost; initial: the customers at month 0, acquired before the run")
                .append(replications > 1 ? "; pooled over " + replications + " replications, customers as a mean per replication" : "")
                .append(empty.isEmpty() ? "" : "; no customers came by " + Html.escape(String.join(", ", empty)) + " under any strategy")
                .append(".</p>\n</section>\n");
    }

    private static void appendClassifier(StringBuilder html, RunResult result) {
        MetricsTable table = result.metrics();
        if (!result.hasTruth() || !table.metrics().contains(Metric.CLASSIFIER_ACCURACY)) {
            return;
        }
        boolean f1 = table.metrics().contains(Metric.CLASSIFIER_MACRO_F1);
        html.append("<section id=\"classifier\">\n<h2>Classifier scores</h2>\n<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Strategy</th><th>Accuracy</th>")
                .append(f1 ? "<th>Macro-F1</th>" : "").append("</tr>\n</thead>\n<tbody>\n");
        for (int s = 0; s < table.strategies().size(); s++) {
            String strategy = table.strategies().get(s);
            html.append("<tr><td>").append(swatch(s)).append(Html.escape(strategy)).append("</td>");
            appendScore(html, Interval.of(table.finalValues(strategy, Metric.CLASSIFIER_ACCURACY)));
            if (f1) {
                appendScore(html, Interval.of(table.finalValues(strategy, Metric.CLASSIFIER_MACRO_F1)));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n<p class=\"note\">Against the scenario's truth (archetype → segment) at month ").append(table.months())
                .append(table.replications() > 1 ? "; mean of " + table.replications() + " replications, 95% interval below" : "").append(".</p>\n</section>\n");
    }

    private static void appendScore(StringBuilder html, Interval score) {
        html.append("<td>").append(Formats.score(score.mean()));
        if (score.hasInterval()) {
            html.append("<small>[").append(Formats.score(score.low())).append(", ").append(Formats.score(score.high())).append("]</small>");
        }
        html.append("</td>");
    }

    private static void appendReplay(StringBuilder html, RunResult result, String yaml, String version) {
        html.append("<section id=\"replay\">\n<h2>Replay this run</h2>\n<dl class=\"replay\">\n<dt>Seed</dt><dd>").append(result.seed())
                .append("</dd>\n<dt>SegmentLab</dt><dd>").append(Html.escape(version)).append("</dd>\n<dt>Scenario</dt><dd>").append(Html.escape(result.scenarioName()))
                .append("</dd>\n</dl>\n<p class=\"note\">The same resolved scenario and seed with the same SegmentLab version give bit-identical results. "
                        + "The scenario is also saved beside this page as scenario.resolved.yaml.</p>\n")
                .append("<details>\n<summary>Resolved scenario (YAML)</summary>\n<pre>").append(Html.escape(yaml)).append("</pre>\n</details>\n</section>\n");
    }
}
