package org.segmentlab.reports.html;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.chart.Palette;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.output.RunSource;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.LifetimeValueTable;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.RunSummary;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * {@code report.html}: one self-contained page (no external URL, stylesheet, script or font; charts inline as
 * SVG) for people: the three-line summary under the title, where the numbers came from (scenario, seed,
 * replications, version and every override), the key figures per strategy with their differences to the baseline
 * (fitting a 1024 px screen and one printed page), why the strategies differ (the profit bridge), every chart at the
 * column's width with a caption, the
 * per-strategy diagnostics folded away, lifetime value per segment and per acquisition channel, and what is needed
 * to replay the run. Prints to a tidy A4 PDF.
 */
public final class HtmlReport {

    /** The house stylesheet, shared by every SegmentLab page (report, calibration) so they look alike. */
    public static final String CSS = String.join("\n",
            ":root { --ink: #222; --muted: #555; --rule: #ddd; --soft: #f6f6f6; --accent: #0072B2; --warn: #b35900; --warn-soft: #fff4e5; }",
            "* { box-sizing: border-box; }",
            "body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; }",
            "main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }",
            "@media (max-width: 1100px) { main { padding: 16px 16px 40px; } }",
            "h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2em 0 0.4em; }",
            "h1 .tag { display: inline-block; margin-left: 0.5em; padding: 0.1em 0.45em; font-size: 0.9rem; vertical-align: 0.35em; color: #fff; background: var(--warn); border-radius: 3px; }",
            "h2 { font-size: 1.35rem; margin: 2em 0 0.6em; padding-bottom: 0.2em; border-bottom: 2px solid var(--ink); }",
            "h3 { font-size: 1.05rem; margin: 1.4em 0 0.4em; }",
            ".summary { margin: 0 0 1em; padding: 0.7em 1em; border-left: 5px solid var(--accent); background: var(--soft); font-size: 1.08rem; }",
            ".summary ul { margin: 0; padding: 0; list-style: none; } .summary li { margin: 0.15em 0; }",
            "p.description { font-size: 1.05rem; margin: 0 0 0.5em; }",
            "p.meta, p.note, figcaption { color: var(--muted); font-size: 0.9rem; }",
            "p.source { margin: 0.3em 0; color: var(--muted); font-size: 0.92rem; }",
            ".modified { margin: 0.6em 0; padding: 0.5em 0.9em; border: 2px solid var(--warn); background: var(--warn-soft); border-radius: 4px; }",
            ".modified ul { margin: 0.2em 0 0; padding-left: 1.3em; } .modified code { font-size: 0.95rem; overflow-wrap: anywhere; }",
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
            // the key figures: strategy names wrap so the numbers keep their width; a rule between figures
            "table.key-figures { font-size: 0.86rem; }",
            "table.key-figures th, table.key-figures td { padding: 5px 6px; }",
            "table.key-figures td small { font-size: 0.88em; }",
            "table.key-figures td:first-child { white-space: normal; overflow-wrap: anywhere; min-width: 7em; }",
            "table.key-figures thead tr:first-child th { text-align: center; border-bottom: 1px solid var(--rule); }",
            "table.key-figures .figure-start { border-left: 1px solid var(--rule); }",
            "table.key-figures .headline { background: #eef5fb; }",
            ".swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.45em; vertical-align: -0.05em; border-radius: 2px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }",
            "figure { margin: 1.2em 0 1.8em; break-inside: avoid; page-break-inside: avoid; }",
            "figure svg { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }",
            "figcaption { margin-top: 0.4em; }",
            "nav.contents { margin: 1em 0 0; font-size: 0.92rem; }",
            "nav.contents ol { display: flex; flex-wrap: wrap; gap: 0.2em 1.4em; margin: 0.2em 0 0; padding: 0; list-style: none; }",
            "nav a, a { color: var(--accent); }",
            "details { margin: 0.8em 0; border: 1px solid var(--rule); border-radius: 4px; padding: 0.4em 0.8em; }",
            "summary { cursor: pointer; font-weight: 600; }",
            "pre { overflow-x: auto; font: 13px/1.45 'DejaVu Sans Mono', Menlo, Consolas, monospace; background: var(--soft); padding: 12px; }",
            "dl.replay { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }",
            "dl.replay dt { font-weight: 600; } dl.replay dd { margin: 0; font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; }",
            ".print-only { display: none; }",
            "@page { size: A4; margin: 14mm 12mm; }",
            "@media print {",
            // rem follows the root: the whole page, tables and their small print included, shrinks to paper size
            "  html { font-size: 10pt; } body { font-size: 1rem; } main { max-width: none; padding: 0; }",
            "  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.2em; } nav.contents { display: none; }",
            "  .summary, .modified, .swatch, table.key-figures .headline { print-color-adjust: exact; -webkit-print-color-adjust: exact; }",
            "  .table-wrap { overflow: visible; }",
            "  table { font-size: 8pt; break-inside: avoid; page-break-inside: avoid; }",
            "  table.key-figures { font-size: 7.5pt; } table.key-figures th, table.key-figures td { padding: 3px 3px; } table.key-figures td small { font-size: 0.85em; }",
            // short sections stay whole: no table or replay note split over two pages
            "  section#key-figures, section#replay, section#classifier, .modified, .summary { break-inside: avoid; page-break-inside: avoid; }",
            "  figure { margin: 0.6em 0 1em; } figure svg { border: none; }",
            "  details { border: none; padding: 0; } details > pre { display: block; white-space: pre-wrap; }",
            "  .print-only { display: block; }",
            "}");

    private HtmlReport() {
    }

    /** The report page for {@code result} run as the scenario file says (no overrides). */
    public static String render(RunResult result, String description, String resolvedScenarioYaml, String version, List<InlineChart> charts) {
        return render(new ReportInput(result, description, resolvedScenarioYaml, version), charts);
    }

    /**
     * The report page for {@code input}, embedding {@code charts} in their order, grouped in sections: the title,
     * the three-line summary, where the numbers came from (every override, prominent), a short table of contents,
     * the key figures, the charts, the per-strategy diagnostics folded away, lifetime values and how to replay.
     */
    public static String render(ReportInput input, List<InlineChart> charts) {
        RunResult result = input.result();
        RunSource source = input.source();
        StringBuilder html = new StringBuilder(64 * 1024 + charts.size() * 200 * 1024);
        String name = Html.escape(result.scenarioName());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"SegmentLab ").append(Html.escape(input.version())).append("\">\n")
                .append("<title>").append(name).append(source.modified() ? " (modified)" : "").append(" · SegmentLab report</title>\n<style>\n")
                .append(CSS).append("\n</style>\n</head>\n<body>\n<main>\n");

        html.append("<header>\n<h1>").append(name);
        if (source.modified()) {
            html.append(" <span class=\"tag\">modified</span>");
        }
        html.append("</h1>\n");
        appendSummary(html, result);
        appendSource(html, input, source);
        html.append("</header>\n");

        List<Section> sections = sections(charts.stream().filter(c -> !AttributionSection.owns(c)).toList());
        appendContents(html, sections, result);
        appendKeyFigures(html, result);
        BridgeSection.append(html, result, charts.stream().filter(BridgeSection::owns).toList());
        for (Section section : sections) {
            appendSection(html, section);
            if (section.id().equals("against-baseline")) {
                AttributionSection.append(html, result, charts.stream().filter(AttributionSection::owns).toList());
            }
        }
        appendLifetimeValues(html, result);
        appendChannelValues(html, result);
        appendClassifier(html, result);
        appendReplay(html, result, input.resolvedScenarioYaml(), input.version(), source);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The three summary lines ({@link RunSummary}), each led by its topic in bold. */
    private static void appendSummary(StringBuilder html, RunResult result) {
        html.append("<section id=\"summary\" class=\"summary\" aria-label=\"Summary\">\n<ul>\n");
        for (String line : RunSummary.of(result).lines()) {
            int colon = line.indexOf(": ");
            html.append("<li>");
            if (colon > 0) {
                html.append("<strong>").append(Html.escape(line.substring(0, colon + 1))).append("</strong>")
                        .append(Html.escape(line.substring(colon + 1)));
            } else {
                html.append(Html.escape(line));
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    /** The scenario's description, the source line's parts and, prominent, every value changed from the scenario file. */
    private static void appendSource(StringBuilder html, ReportInput input, RunSource source) {
        RunResult result = input.result();
        MetricsTable table = result.metrics();
        if (!input.description().isBlank()) {
            html.append("<p class=\"description\">").append(Html.escape(input.description().strip())).append("</p>\n");
        }
        int strategies = table.strategies().size();
        html.append("<p class=\"source\">Source: scenario ").append(Html.escape(source.scenario())).append(" · seed ").append(source.seed())
                .append(" · ").append(source.replications()).append(source.replications() == 1 ? " replication" : " replications")
                .append(" · ").append(table.months()).append(" months · ").append(strategies).append(strategies == 1 ? " strategy" : " strategies")
                .append(" · currency ").append(Html.escape(result.currency())).append(" · SegmentLab ").append(Html.escape(source.version())).append("</p>\n");
        if (source.modified()) {
            int n = source.overrides().size();
            html.append("<div class=\"modified\" id=\"overrides\">\n<strong>Modified: ").append(n).append(n == 1 ? " value differs" : " values differ")
                    .append(" from the scenario file")
                    .append(input.description().isBlank() ? "" : "; the description above is the file's and may not fit this run")
                    .append(".</strong>\n<ul>\n");
            for (String override : source.overrides()) {
                html.append("<li><code>").append(Html.escape(override)).append("</code></li>\n");
            }
            html.append("</ul>\n</div>\n");
        }
    }

    private static void appendContents(StringBuilder html, List<Section> sections, RunResult result) {
        html.append("<nav class=\"contents\" aria-label=\"Contents\"><strong>Contents</strong>\n<ol>\n<li><a href=\"#key-figures\">Key figures</a></li>\n");
        html.append(BridgeSection.contentsEntry(result));
        for (Section section : sections) {
            html.append("<li><a href=\"#").append(section.id()).append("\">").append(Html.escape(section.heading())).append("</a></li>\n");
            if (section.id().equals("against-baseline") && AttributionSection.applies(result)) {
                html.append("<li><a href=\"#").append(AttributionSection.ID).append("\">").append(AttributionSection.HEADING).append("</a></li>\n");
            }
        }
        html.append("<li><a href=\"#lifetime-value\">Lifetime value</a></li>\n");
        if (hasClassifierScores(result)) {
            html.append("<li><a href=\"#classifier\">Classifier scores</a></li>\n");
        }
        html.append("<li><a href=\"#replay\">Replay this run</a></li>\n</ol>\n</nav>\n");
    }

    /** The key figures, the headline (cumulative profit) first, so a narrow screen and a printed page show it. */
    private static final List<KeyFigure> FIGURE_ORDER = List.of(KeyFigure.CUMULATIVE_PROFIT, KeyFigure.FINAL_RETENTION,
            KeyFigure.TOP20_SHARE, KeyFigure.NET_WOM);

    private static void appendKeyFigures(StringBuilder html, RunResult result) {
        MetricsTable table = result.metrics();
        String baseline = table.strategies().get(0);
        html.append("<section id=\"key-figures\">\n<h2>Key figures</h2>\n<div class=\"table-wrap\">\n<table class=\"key-figures\">\n<thead>\n")
                .append("<tr><th rowspan=\"2\">Strategy</th>");
        for (KeyFigure figure : FIGURE_ORDER) {
            String unit = figure.unit() == KeyFigure.Unit.MONEY ? " (" + Html.escape(result.currency()) + ")" : "";
            html.append("<th colspan=\"2\" class=\"figure-start\" title=\"").append(Html.escape(figure.description())).append("\">")
                    .append(Html.escape(figure.label())).append(unit).append("</th>");
        }
        html.append("</tr>\n<tr>");
        for (KeyFigure figure : FIGURE_ORDER) {
            String headline = figure == KeyFigure.CUMULATIVE_PROFIT ? " headline" : "";
            html.append("<th class=\"figure-start\">value</th><th class=\"delta").append(headline).append("\">Δ to ").append(Html.escape(baseline)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        List<StrategyFigures> all = StrategyFigures.of(table);
        for (int s = 0; s < all.size(); s++) {
            StrategyFigures figures = all.get(s);
            html.append("<tr><td>").append(swatch(s)).append(Html.escape(figures.strategy())).append("</td>");
            for (KeyFigure figure : FIGURE_ORDER) {
                String headline = figure == KeyFigure.CUMULATIVE_PROFIT ? " headline" : "";
                MeanInterval value = figures.finalValue(figure);
                html.append("<td class=\"figure-start\"").append(exact(figure, value.mean(), false)).append('>').append(keyFigure(figure, value.mean(), false));
                if (value.hasInterval()) {
                    html.append("<small>").append(range(figure, value.low(), value.high(), false)).append("</small>");
                }
                html.append("</td>");
                if (figures.baseline()) {
                    html.append("<td class=\"base").append(headline).append("\">baseline</td>");
                } else {
                    PairedDifference d = figures.difference(figure).orElseThrow();
                    boolean clear = d.hasInterval() && !d.containsZero();
                    html.append("<td class=\"delta").append(clear ? " clear" : "").append(headline).append('"').append(exact(figure, d.mean(), true))
                            .append('>').append(keyFigure(figure, d.mean(), true));
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
                .append(". Amounts in k (thousands) and M (millions) to three significant digits, the exact amount on hovering (and in summary.json)")
                .append(". Shares in %, their differences in percentage points (pp); top-20% share: revenue held by the top fifth of customers; ")
                .append("net word of mouth: (promoters − detractors) / active customers.</p>\n</section>\n");
    }

    private static String swatch(int strategy) {
        Color c = Palette.strategy(strategy);
        return String.format(Locale.ROOT, "<span class=\"swatch\" style=\"background:#%02x%02x%02x\"></span>", c.getRed(), c.getGreen(), c.getBlue());
    }

    /**
     * A key figure as the table shows it: amounts compact ("1.41M", "+296k") so a column's width does not grow with
     * the scenario's size and the table keeps fitting 1024 px and an A4 page; shares as the rest of the page.
     */
    private static String keyFigure(KeyFigure figure, double value, boolean difference) {
        if (figure.unit() == KeyFigure.Unit.MONEY) {
            return Formats.compact(value, difference);
        }
        return difference ? difference(figure, value) : format(figure, value);
    }

    /** A title attribute with the exact amount behind a compact one; nothing for shares. */
    private static String exact(KeyFigure figure, double value, boolean difference) {
        if (figure.unit() != KeyFigure.Unit.MONEY || !Double.isFinite(value)) {
            return "";
        }
        return " title=\"" + (difference ? Formats.signedAmount(value) : Formats.amount(value)) + "\"";
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

    /** A kind of chart: where it goes, under what heading. */
    private record Kind(String id, String heading, String intro, boolean diagnostic, Predicate<String> ids) {
    }

    /** A section of the page as rendered: a kind and its charts. */
    private record Section(Kind kind, List<InlineChart> charts, List<Section> folded) {
        String id() {
            return kind.id();
        }

        String heading() {
            return kind.heading();
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("against-baseline", "Strategies against the baseline", null, false,
                    id -> id.equals("differences") || id.equals("differences-monthly")),
            new Kind("retention-and-profit", "Retention, profit and revenue", null, false,
                    id -> id.equals("retention") || id.equals("profit") || id.equals("revenue-active")),
            new Kind("concentration", "Concentration of revenue", null, false, id -> id.equals("top20-share") || id.equals("lorenz")),
            new Kind("word-of-mouth-and-acquisition", "Word of mouth and acquisition", null, false,
                    id -> id.equals("word-of-mouth") || id.equals("acquisition-channels")),
            new Kind("segment-mix", "Segment mix", null, true, id -> id.startsWith("segment-mix")),
            new Kind("segment-migration", "Segment migration", null, true, id -> id.startsWith("transitions-")),
            new Kind("segment-switches", "Segment switches",
                    "Flows of monthly re-classifications between segments. The run keeps no per-customer history, so these are not month-0 → final flows of individual customers.",
                    true, id -> id.startsWith("segment-flow-")),
            new Kind("classifier-against-truth", "Classifier against the truth", null, true, id -> id.startsWith("confusion-")));

    private static final Kind MORE = new Kind("more-charts", "More charts", null, false, id -> true);
    private static final Kind DIAGNOSTICS = new Kind("diagnostics", "Diagnostics per strategy",
            "Per-strategy detail, folded away: open a group to see its charts. A folded group prints as its title only; open it before printing to include its charts.", false, id -> false);

    /**
     * The charts in reading order: the comparisons first, then one "Diagnostics per strategy" section whose groups
     * (segment mixes, migrations, switches, confusion) are folded; charts of no known kind go under "More charts".
     */
    private static List<Section> sections(List<InlineChart> charts) {
        List<InlineChart> left = new ArrayList<>(charts);
        left.removeIf(BridgeSection::owns); // drawn in their own section, after the key figures
        List<Section> open = new ArrayList<>();
        List<Section> folded = new ArrayList<>();
        for (Kind kind : KINDS) {
            List<InlineChart> mine = new ArrayList<>();
            for (InlineChart chart : left) {
                if (kind.ids().test(chart.id())) {
                    mine.add(chart);
                }
            }
            left.removeAll(mine);
            if (!mine.isEmpty()) {
                (kind.diagnostic() ? folded : open).add(new Section(kind, mine, List.of()));
            }
        }
        if (!left.isEmpty()) {
            open.add(new Section(MORE, left, List.of()));
        }
        if (!folded.isEmpty()) {
            open.add(new Section(DIAGNOSTICS, List.of(), folded));
        }
        return open;
    }

    private static void appendSection(StringBuilder html, Section section) {
        html.append("<section id=\"").append(section.id()).append("\">\n<h2>").append(Html.escape(section.heading())).append("</h2>\n");
        if (section.kind().intro() != null) {
            html.append("<p class=\"note\">").append(Html.escape(section.kind().intro())).append("</p>\n");
        }
        appendFigures(html, section.charts());
        for (Section group : section.folded()) {
            html.append("<details id=\"").append(group.id()).append("\">\n<summary>").append(Html.escape(group.heading())).append(" (")
                    .append(group.charts().size()).append(group.charts().size() == 1 ? " chart" : " charts").append(")</summary>\n");
            if (group.kind().intro() != null) {
                html.append("<p class=\"note\">").append(Html.escape(group.kind().intro())).append("</p>\n");
            }
            appendFigures(html, group.charts());
            html.append("</details>\n");
        }
        html.append("</section>\n");
    }

    private static void appendFigures(StringBuilder html, List<InlineChart> charts) {
        for (InlineChart chart : charts) {
            html.append("<figure id=\"").append(Html.escape(chart.id())).append("\">\n").append(chart.svg()).append("\n<figcaption>")
                    .append(Html.escape(chart.caption())).append(" <span class=\"file\">(charts/").append(Html.escape(chart.id()))
                    .append(".png, .svg)</span></figcaption>\n</figure>\n");
        }
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

    private static boolean hasClassifierScores(RunResult result) {
        return result.hasTruth() && result.metrics().metrics().contains(Metric.CLASSIFIER_ACCURACY);
    }

    private static void appendClassifier(StringBuilder html, RunResult result) {
        MetricsTable table = result.metrics();
        if (!hasClassifierScores(result)) {
            return;
        }
        boolean f1 = table.metrics().contains(Metric.CLASSIFIER_MACRO_F1);
        html.append("<section id=\"classifier\">\n<h2>Classifier scores</h2>\n<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th>Strategy</th><th>Accuracy</th>")
                .append(f1 ? "<th>Macro-F1</th>" : "").append("</tr>\n</thead>\n<tbody>\n");
        for (int s = 0; s < table.strategies().size(); s++) {
            String strategy = table.strategies().get(s);
            html.append("<tr><td>").append(swatch(s)).append(Html.escape(strategy)).append("</td>");
            appendScore(html, MeanInterval.of(table.finalValues(strategy, Metric.CLASSIFIER_ACCURACY)));
            if (f1) {
                appendScore(html, MeanInterval.of(table.finalValues(strategy, Metric.CLASSIFIER_MACRO_F1)));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n<p class=\"note\">Against the scenario's truth (archetype → segment) at month ").append(table.months())
                .append(table.replications() > 1 ? "; mean of " + table.replications() + " replications, 95% interval below" : "").append(".</p>\n</section>\n");
    }

    private static void appendScore(StringBuilder html, MeanInterval score) {
        html.append("<td>").append(Formats.score(score.mean()));
        if (score.hasInterval()) {
            html.append("<small>[").append(Formats.score(score.low())).append(", ").append(Formats.score(score.high())).append("]</small>");
        }
        html.append("</td>");
    }

    private static void appendReplay(StringBuilder html, RunResult result, String yaml, String version, RunSource source) {
        html.append("<section id=\"replay\">\n<h2>Replay this run</h2>\n<dl class=\"replay\">\n<dt>Seed</dt><dd>").append(result.seed())
                .append("</dd>\n<dt>SegmentLab</dt><dd>").append(Html.escape(version)).append("</dd>\n<dt>Scenario</dt><dd>").append(Html.escape(result.scenarioName()))
                .append("</dd>\n");
        if (source.modified()) {
            html.append("<dt>Modified</dt><dd>").append(Html.escape(String.join(", ", source.overrides()))).append("</dd>\n");
        }
        html.append("</dl>\n<p class=\"note\">The same resolved scenario and seed with the same SegmentLab version give bit-identical results. "
                        + "The scenario is also saved beside this page as scenario.resolved.yaml")
                .append(source.modified() ? ", with the changes above already applied" : "").append(".</p>\n")
                .append("<details>\n<summary>Resolved scenario (YAML)</summary>\n<pre>").append(Html.escape(yaml)).append("</pre>\n</details>\n</section>\n");
    }
}
