package org.segmentlab.reports.calibration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.segmentlab.reports.chart.Formats;
import org.segmentlab.reports.html.Html;
import org.segmentlab.reports.html.HtmlReport;
import org.segmentlab.reports.html.InlineChart;

/**
 * {@code calibration.html}: one self-contained page (house stylesheet, charts inline as SVG, no external URL,
 * script or font) with the holdout verdict first, the fitted models' parameters (estimate ± standard error, 95% interval, log-likelihood,
 * n), the charts that show how well each model fits, grouped by model (the sBG with its caveat for a log), and
 * every file of the folder with the command that simulates forward.
 */
final class CalibrationHtml {
    /** Significant digits of estimates and standard errors in the page (the JSON and CSV hold every digit). */
    static final int DIGITS = 4;

    private CalibrationHtml() {
    }

    /** The page, embedding {@code charts} (as {@link CalibrationReportWriter} renders them) in their order. */
    public static String render(CalibrationReportInput input, List<InlineChart> charts) {
        StringBuilder html = new StringBuilder(32 * 1024 + charts.size() * 200 * 1024);
        String title = Html.escape(input.title());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"SegmentLab ").append(Html.escape(input.version())).append("\">\n")
                .append("<title>").append(title).append(" · SegmentLab calibration</title>\n<style>\n").append(HtmlReport.CSS)
                .append("\ntable.parameters { width: auto; min-width: 60%; }\ntable.files td { white-space: normal; }\ntable.files td:last-child, table.files th:last-child { text-align: left; }\np.caveat { padding: 0.5em 0.9em; border-left: 4px solid var(--warn); background: var(--warn-soft); font-size: 0.95rem; }\ncaption { text-align: left; color: var(--muted); font-size: 0.9rem; caption-side: bottom; padding-top: 0.3em; }\n")
                .append("</style>\n</head>\n<body>\n<main>\n");

        html.append("<header>\n<h1>").append(title).append("</h1>\n<p class=\"meta\">Transaction log ").append(Html.escape(input.source()));
        if (input.calibrationEnd() != null) {
            html.append(" · calibration period to ").append(input.calibrationEnd());
        }
        html.append(" · periods in ").append(Html.escape(CalibrationStyle.plural(input.unit(), 2))).append(" · ").append(input.models().size())
                .append(input.models().size() == 1 ? " model" : " models").append(" · SegmentLab ").append(Html.escape(input.version())).append("</p>\n");
        appendVerdict(html, input);
        html.append("</header>\n");

        html.append("<nav class=\"contents\" aria-label=\"Contents\"><strong>Contents</strong>\n<ol>\n<li><a href=\"#models\">Fitted models</a></li>\n");
        for (InlineChart chart : charts) {
            html.append("<li><a href=\"#").append(Html.escape(chart.id())).append("\">").append(Html.escape(chart.title())).append("</a></li>\n");
        }
        html.append("<li><a href=\"#files\">Files</a></li>\n</ol>\n</nav>\n");

        appendModels(html, input);
        appendCharts(html, charts);
        appendFiles(html, input);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * The holdout verdict as {@code calibrate} prints it (observed and predicted repeat transactions, the relative
     * error), then the command that simulates the calibrated customers forward.
     */
    private static void appendVerdict(StringBuilder html, CalibrationReportInput input) {
        html.append("<section id=\"verdict\" class=\"summary\" aria-label=\"Holdout verdict\">\n<ul>\n<li>");
        HoldoutVerdict holdout = input.holdout();
        if (holdout == null) {
            html.append("<strong>No holdout check:</strong> the log ends at the calibration end, so the fits are not tested on later purchases.");
        } else {
            double error = holdout.relativeError();
            html.append("<strong>Holdout check (").append(Formats.pattern("#,##0.0").format(holdout.length())).append(' ')
                    .append(Html.escape(CalibrationStyle.plural(holdout.unit(), 2))).append("):</strong> ")
                    .append(Formats.amount(holdout.observed())).append(" repeat transactions observed, ")
                    .append(Formats.amount(holdout.predicted())).append(" predicted by the BG/NBD (")
                    .append(Formats.pattern("+0.0;" + Formats.MINUS + "0.0").format(100 * error)).append("%): the model ")
                    .append(Math.abs(error) < 0.0005 ? "matches the holdout" : error < 0 ? "under-predicts" : "over-predicts")
                    .append(Math.abs(error) < 0.0005 ? "" : " by " + Formats.pattern("0.0").format(100 * Math.abs(error)) + "%").append('.');
        }
        html.append("</li>\n");
        if (input.forwardCommand() != null) {
            html.append("<li><strong>Simulate forward:</strong> <code>").append(Html.escape(input.forwardCommand())).append("</code></li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    /** Every file of the folder, the page's own and the caller's, with what each holds, and the forward command. */
    private static void appendFiles(StringBuilder html, CalibrationReportInput input) {
        List<ListedFile> files = new ArrayList<>(List.of(
                new ListedFile(CalibrationReportWriter.HTML, "this page"),
                new ListedFile(CalibrationReportWriter.JSON, "every model with its parameters, standard errors, log-likelihood and n, at full precision"),
                new ListedFile(CalibrationReportWriter.CSV, "the parameters, tidy: model, parameter, estimate, standard_error"),
                new ListedFile(CalibrationReportWriter.CHARTS + "/", "every chart of this page as PNG and SVG")));
        files.addAll(input.files());
        html.append("<section id=\"files\">\n<h2>Files</h2>\n<div class=\"table-wrap\">\n<table class=\"files\">\n<thead>\n<tr><th>File</th><th>What it holds</th></tr>\n</thead>\n<tbody>\n");
        for (ListedFile file : files) {
            html.append("<tr><td><code>").append(Html.escape(file.name())).append("</code></td><td>").append(Html.escape(file.description())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</div>\n");
        if (input.forwardCommand() != null) {
            html.append("<p>Simulate the calibrated customers forward (from the folder <code>calibrate</code> ran in):</p>\n<pre>")
                    .append(Html.escape(input.forwardCommand())).append("</pre>\n");
        }
        html.append("</section>\n");
    }

    private static void appendModels(StringBuilder html, CalibrationReportInput input) {
        html.append("<section id=\"models\">\n<h2>Fitted models</h2>\n<p class=\"note\">Maximum-likelihood estimates from the calibration period; "
                + "standard errors from the inverse of the observed information (Hessian of the log-likelihood at the estimate); "
                + "95% interval: estimate ± 1.96 × standard error. A higher log-likelihood is a better fit only between fits of the same model "
                + "to the same data.</p>\n");
        for (FittedModel model : input.models()) {
            html.append("<h3 id=\"model-").append(Html.escape(org.segmentlab.reports.chart.ReportChart.slug(model.name()))).append("\">")
                    .append(Html.escape(model.name())).append("</h3>\n");
            if (!model.description().isBlank()) {
                html.append("<p>").append(Html.escape(model.description().strip())).append("</p>\n");
            }
            html.append("<div class=\"table-wrap\">\n<table class=\"parameters\">\n<caption>Log-likelihood ").append(Html.escape(number(model.logLikelihood(), 2)))
                    .append(" · n = ").append(Formats.amount(model.observations())).append("</caption>\n")
                    .append("<thead>\n<tr><th>Parameter</th><th>Estimate</th><th>± Standard error</th><th>95% interval</th></tr>\n</thead>\n<tbody>\n");
            for (FittedParameter p : model.parameters()) {
                html.append("<tr><td>").append(Html.escape(p.name())).append("</td><td>").append(Html.escape(estimate(p.estimate()))).append("</td><td>");
                if (Double.isNaN(p.standardError())) {
                    html.append("–</td><td>–</td>");
                } else {
                    double half = 1.96 * p.standardError();
                    html.append("± ").append(Html.escape(estimate(p.standardError()))).append("</td><td>[")
                            .append(Html.escape(estimate(p.estimate() - half))).append(", ").append(Html.escape(estimate(p.estimate() + half))).append("]</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n</div>\n");
        }
        html.append("</section>\n");
    }

    /** A section per model family; charts of none go under "More charts". */
    private record Section(String heading, String caveat, Set<String> ids) {
    }

    /** Why the sBG curve of a transaction log is read with care: the model is for contracts, where leaving is seen. */
    static final String SBG_CAVEAT = "Caveat: the shifted-beta-geometric is a model of contractual retention, where a customer's leaving is "
            + "observed. A transaction log records no leaving: here a customer of the first month's cohort counts as surviving month k when "
            + "they bought in month k or later (observed-active survival), so a customer who is still active but has not bought lately counts "
            + "as lost and the curve understates retention. For whether a customer is still active, read the BG/NBD's P(alive) in summaries.csv.";

    private static final List<Section> SECTIONS = List.of(
            new Section("Repeat purchasing (BG/NBD)", null, Set.of(RepeatPurchaseChart.ID, TrackingChart.CUMULATIVE_ID, TrackingChart.INCREMENTAL_ID,
                    ConditionalExpectationChart.ID)),
            new Section("Retention (shifted-beta-geometric)", SBG_CAVEAT, Set.of(SurvivalChart.ID)),
            new Section("Spend (Gamma-Gamma)", null, Set.of(SpendChart.ID)));

    private static void appendCharts(StringBuilder html, List<InlineChart> charts) {
        List<InlineChart> left = new ArrayList<>(charts);
        for (Section section : SECTIONS) {
            List<InlineChart> mine = charts.stream().filter(c -> section.ids().contains(c.id())).toList();
            left.removeAll(mine);
            appendSection(html, section.heading(), section.caveat(), mine);
        }
        appendSection(html, "More charts", null, left);
    }

    private static void appendSection(StringBuilder html, String heading, String caveat, List<InlineChart> charts) {
        if (charts.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>").append(Html.escape(heading)).append("</h2>\n");
        if (caveat != null) {
            html.append("<p class=\"caveat\">").append(Html.escape(caveat)).append("</p>\n");
        }
        for (InlineChart chart : charts) {
            html.append("<figure id=\"").append(Html.escape(chart.id())).append("\">\n").append(chart.svg()).append("\n<figcaption>")
                    .append(Html.escape(chart.caption())).append(" <span class=\"file\">(").append(CalibrationReportWriter.CHARTS).append('/')
                    .append(Html.escape(chart.id())).append(".png, .svg)</span></figcaption>\n</figure>\n");
        }
        html.append("</section>\n");
    }

    /** {@code value} to {@value #DIGITS} significant digits, plain (no exponent), typographic minus: "0.2426", "15.44", "−3.1". */
    static String estimate(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(DIGITS, RoundingMode.HALF_EVEN));
        String text = rounded.abs().toPlainString();
        if (rounded.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            text = Formats.amount(rounded.abs().doubleValue());
        }
        return (rounded.signum() < 0 ? Formats.MINUS : "") + text;
    }

    /** {@code value} with {@code decimals} decimals and thousands separators: "−9,582.42". */
    static String number(double value, int decimals) {
        return Formats.pattern("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : "")).format(value);
    }
}
