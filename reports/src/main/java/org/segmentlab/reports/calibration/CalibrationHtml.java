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
 * script or font) with the fitted models' parameters (estimate ± standard error, 95% interval, log-likelihood,
 * n) and the charts that show how well each model fits, grouped by model.
 */
public final class CalibrationHtml {
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
                .append("\ntable.parameters { width: auto; min-width: 60%; }\ncaption { text-align: left; color: var(--muted); font-size: 0.9rem; caption-side: bottom; padding-top: 0.3em; }\n")
                .append("</style>\n</head>\n<body>\n<main>\n");

        html.append("<header>\n<h1>").append(title).append("</h1>\n<p class=\"meta\">Transaction log ").append(Html.escape(input.source()));
        if (input.calibrationEnd() != null) {
            html.append(" · calibration period to ").append(input.calibrationEnd());
        }
        html.append(" · periods in ").append(Html.escape(CalibrationStyle.plural(input.unit(), 2))).append(" · ").append(input.models().size())
                .append(input.models().size() == 1 ? " model" : " models").append(" · SegmentLab ").append(Html.escape(input.version())).append("</p>\n</header>\n");

        html.append("<nav>\n<ol>\n<li><a href=\"#models\">Fitted models</a></li>\n");
        for (InlineChart chart : charts) {
            html.append("<li><a href=\"#").append(Html.escape(chart.id())).append("\">").append(Html.escape(chart.title())).append("</a></li>\n");
        }
        html.append("<li><a href=\"#files\">Files</a></li>\n</ol>\n</nav>\n");

        appendModels(html, input);
        appendCharts(html, charts);
        html.append("<section id=\"files\">\n<h2>Files</h2>\n<p class=\"note\">Beside this page: <code>").append(CalibrationReportWriter.JSON)
                .append("</code> (every model with its parameters, standard errors, log-likelihood and n, at full precision), <code>")
                .append(CalibrationReportWriter.CSV).append("</code> (tidy: model, parameter, estimate, standard_error) and every chart as PNG and SVG under <code>")
                .append(CalibrationReportWriter.CHARTS).append("/</code>.</p>\n</section>\n");
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
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
    private record Section(String heading, Set<String> ids) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("Repeat purchasing (BG/NBD)", Set.of(RepeatPurchaseChart.ID, TrackingChart.CUMULATIVE_ID, TrackingChart.INCREMENTAL_ID,
                    ConditionalExpectationChart.ID)),
            new Section("Retention (shifted-beta-geometric)", Set.of(SurvivalChart.ID)),
            new Section("Spend (Gamma-Gamma)", Set.of(SpendChart.ID)));

    private static void appendCharts(StringBuilder html, List<InlineChart> charts) {
        List<InlineChart> left = new ArrayList<>(charts);
        for (Section section : SECTIONS) {
            List<InlineChart> mine = charts.stream().filter(c -> section.ids().contains(c.id())).toList();
            left.removeAll(mine);
            appendSection(html, section.heading(), mine);
        }
        appendSection(html, "More charts", left);
    }

    private static void appendSection(StringBuilder html, String heading, List<InlineChart> charts) {
        if (charts.isEmpty()) {
            return;
        }
        html.append("<section>\n<h2>").append(Html.escape(heading)).append("</h2>\n");
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
