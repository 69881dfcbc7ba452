package org.segmentlab.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parameters.json, parameters.csv and calibration.html as written by {@link CalibrationReportWriter}. */
class CalibrationOutputTest {
    @TempDir
    static Path dir;
    private static final CalibrationReportInput INPUT = CalibrationFixtures.cdnow();

    @BeforeAll
    static void write() throws IOException {
        CalibrationReportWriter.write(INPUT, dir);
    }

    @Test
    void jsonRoundTripsEveryNumber() throws IOException {
        JsonNode root = new ObjectMapper().readTree(dir.resolve("parameters.json").toFile());
        assertThat(root.get("source").asText()).isEqualTo("cdnow_sample.csv");
        assertThat(root.get("calibrationEnd").asText()).isEqualTo("1997-09-30");
        assertThat(root.get("unit").asText()).isEqualTo("week");
        assertThat(root.get("version").asText()).isEqualTo("0.1.0-TEST");
        JsonNode models = root.get("models");
        assertThat(models).hasSize(INPUT.models().size());
        for (int m = 0; m < INPUT.models().size(); m++) {
            FittedModel model = INPUT.models().get(m);
            JsonNode node = models.get(m);
            assertThat(node.get("name").asText()).isEqualTo(model.name());
            assertThat(node.get("logLikelihood").asDouble()).isEqualTo(model.logLikelihood());
            assertThat(node.get("observations").asInt()).isEqualTo(model.observations());
            assertThat(node.get("parameters")).hasSize(model.parameters().size());
            for (int p = 0; p < model.parameters().size(); p++) {
                FittedParameter parameter = model.parameters().get(p);
                JsonNode pn = node.get("parameters").get(p);
                assertThat(pn.get("name").asText()).isEqualTo(parameter.name());
                assertThat(pn.get("estimate").asDouble()).isEqualTo(parameter.estimate());
                if (Double.isNaN(parameter.standardError())) {
                    assertThat(pn.get("standardError").isNull()).isTrue();
                } else {
                    assertThat(pn.get("standardError").asDouble()).isEqualTo(parameter.standardError());
                }
            }
        }
    }

    @Test
    void jsonWritesAMissingCalibrationEndAsNull() {
        assertThat(ParametersJson.tree(CalibrationFixtures.minimal()).get("calibrationEnd").isNull()).isTrue();
    }

    @Test
    void csvIsTidyAndRoundTrips() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("parameters.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("model,parameter,estimate,standard_error");
        int rows = INPUT.models().stream().mapToInt(m -> m.parameters().size()).sum();
        assertThat(lines).hasSize(1 + rows);
        int line = 1;
        for (FittedModel model : INPUT.models()) {
            for (FittedParameter p : model.parameters()) {
                String[] fields = lines.get(line++).split(",", -1);
                assertThat(fields).hasSize(4);
                assertThat(fields[0]).isEqualTo(model.name());
                assertThat(fields[1]).isEqualTo(p.name());
                assertThat(Double.parseDouble(fields[2])).isEqualTo(p.estimate());
                if (Double.isNaN(p.standardError())) {
                    assertThat(fields[3]).isEmpty();
                } else {
                    assertThat(Double.parseDouble(fields[3])).isEqualTo(p.standardError());
                }
            }
        }
    }

    @Test
    void csvQuotesNamesWithCommas() throws IOException {
        FittedModel model = new FittedModel("Pareto, NBD", "", List.of(new FittedParameter("s \"shape\"", 1, 0.5)), -10, 5);
        CalibrationReportInput input = new CalibrationReportInput("t", "s.csv", null, "week", List.of(model), CalibrationFixtures.histogram(), null, null, null,
                null, "v");
        java.io.StringWriter out = new java.io.StringWriter();
        ParametersCsv.write(input, out);
        assertThat(out.toString()).endsWith("\"Pareto, NBD\",\"s \"\"shape\"\"\",1.0,0.5\n");
    }

    @Test
    void htmlShowsEveryParameterWithItsStandardErrorLikelihoodAndN() throws IOException {
        String html = Files.readString(dir.resolve("calibration.html"));
        for (FittedModel model : INPUT.models()) {
            assertThat(html).contains("<h3 id=\"model-" + org.segmentlab.reports.chart.ReportChart.slug(model.name()) + "\">" + model.name() + "</h3>");
            assertThat(html).contains("Log-likelihood " + CalibrationHtml.number(model.logLikelihood(), 2));
            assertThat(html).contains("n = " + org.segmentlab.reports.chart.Formats.amount(model.observations()));
            for (FittedParameter p : model.parameters()) {
                String se = Double.isNaN(p.standardError()) ? "–" : "± " + CalibrationHtml.estimate(p.standardError());
                assertThat(html).as(model.name() + " " + p.name())
                        .contains("<tr><td>" + p.name() + "</td><td>" + CalibrationHtml.estimate(p.estimate()) + "</td><td>" + se + "</td>");
            }
        }
        // spot checks of the formatting itself, so a broken formatter cannot pass the loop above
        assertThat(html).contains("<tr><td>r</td><td>0.2426</td><td>± 0.01257</td><td>[0.2180, 0.2672]</td></tr>");
        assertThat(html).contains("Log-likelihood " + "\u2212" + "9,582.43");
        assertThat(html).contains("n = 2,357");
    }

    @Test
    void htmlIsSelfContainedWithEveryChartInline() throws IOException {
        String html = Files.readString(dir.resolve("calibration.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        for (String id : List.of("repeat-purchases", "tracking-cumulative", "tracking-incremental", "conditional-expectations", "survival", "spend")) {
            assertThat(html).contains("<figure id=\"" + id + "\">", "<svg id='" + id + "-svg'");
        }
        assertThat(html).doesNotContain("<script", "<link", "<img", "<iframe", "@import");
        // url(…) only for references inside the page (SVG clip paths)
        Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (urls.find()) {
            assertThat(urls.group(1)).as("url()").startsWith("#");
        }
        // the only URLs are XML namespace names, which are never fetched
        String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=(\"[^\"]*\"|'[^']*')", "");
        assertThat(withoutNamespaces).doesNotContain("http:", "https:");
        Matcher links = Pattern.compile("(src|href)=[\"']([^\"']*)[\"']").matcher(html);
        while (links.find()) {
            assertThat(links.group(2)).as("link").startsWith("#");
        }
    }

    @Test
    void htmlEscapesTheNames() {
        FittedModel model = new FittedModel("<b>NBD</b>", "A & B", List.of(new FittedParameter("a<1", 1, 0.5)), -10, 5);
        CalibrationReportInput input = new CalibrationReportInput("Shop <x> & co", "l.csv", null, "week", List.of(model), CalibrationFixtures.histogram(),
                null, null, null, null, "v");
        String html = CalibrationHtml.render(input, List.of());
        assertThat(html).contains("Shop &lt;x&gt; &amp; co", "&lt;b&gt;NBD&lt;/b&gt;", "A &amp; B", "<td>a&lt;1</td>").doesNotContain("<b>NBD");
    }

    @Test
    void estimatesKeepFourSignificantDigits() {
        assertThat(CalibrationHtml.estimate(0.242594)).isEqualTo("0.2426");
        assertThat(CalibrationHtml.estimate(15.4435)).isEqualTo("15.44");
        assertThat(CalibrationHtml.estimate(0.012566)).isEqualTo("0.01257");
        assertThat(CalibrationHtml.estimate(-3.1)).isEqualTo("\u22123.100");
        assertThat(CalibrationHtml.estimate(123456)).isEqualTo("123,500");
        assertThat(CalibrationHtml.estimate(0)).isEqualTo("0");
    }
}
