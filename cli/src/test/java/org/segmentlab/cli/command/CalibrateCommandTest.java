package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code segmentlab calibrate}: the CDNOW calibration end to end, and every bad input refused with nothing written. */
class CalibrateCommandTest {

    @TempDir
    Path dir;

    private static JsonNode parameter(JsonNode json, String model, String name) {
        for (JsonNode m : json.path("models")) {
            if (m.path("name").asText().equals(model)) {
                for (JsonNode p : m.path("parameters")) {
                    if (p.path("name").asText().equals(name)) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("no " + model + " parameter " + name + " in " + json);
    }

    /**
     * The published fits of the CDNOW sample (Fader, Hardie &amp; Lee 2005; Fader &amp; Hardie 2013), to the
     * published 3–4 significant digits; then the written scenario runs forward from the real customers.
     */
    @Test
    void cdnowCalibratesToThePublishedValuesAndTheScenarioRuns() throws IOException {
        Path out = dir.resolve("cdnow");
        Run run = Run.of("calibrate", TestFiles.cdnowSample().toString(), "--calibration-end", "1997-09-30",
                "--unit", "weeks", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("2,357 customers").contains("LL -9582.43")
                .contains("Holdout (39.0 weeks): 1,882 repeat transactions observed");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("calibration.html",
                    "parameters.json", "parameters.csv", "charts", "summaries.csv", "scenario.yaml", "customers.csv", ".segmentlab-output");
        }
        List<String> summary = Files.readAllLines(out.resolve("summaries.csv"));
        assertThat(summary).hasSize(2358);
        assertThat(summary.get(0)).startsWith("customer,x,t_x_weeks,T_weeks,mean_repeat_spend,holdout_repeats,p_alive,"
                + "expected_repeats_next_39_weeks,expected_spend,segment,recency,frequency,monetary");
        // 00004 bought on 1997-01-01, 01-18 and 08-02 (x = 2, t_x = 213/7 weeks, T = 272/7), once in the holdout.
        assertThat(summary.get(1)).startsWith("00004,2,30.4286,38.8571,22.345,1,").contains(",fence-sitter,");
        // 00018 bought once: x = 0, so surely still a customer.
        assertThat(summary.get(2)).startsWith("00018,0,0,38.4286,,0,1,");
        JsonNode json = new ObjectMapper().readTree(out.resolve("parameters.json").toFile());
        assertThat(parameter(json, "BG/NBD", "r").path("estimate").asDouble()).isCloseTo(0.243, org.assertj.core.data.Offset.offset(0.0015));
        assertThat(parameter(json, "BG/NBD", "alpha").path("estimate").asDouble()).isCloseTo(4.414, org.assertj.core.data.Offset.offset(0.0015));
        assertThat(parameter(json, "BG/NBD", "a").path("estimate").asDouble()).isCloseTo(0.793, org.assertj.core.data.Offset.offset(0.0015));
        assertThat(parameter(json, "BG/NBD", "b").path("estimate").asDouble()).isCloseTo(2.426, org.assertj.core.data.Offset.offset(0.0015));
        assertThat(parameter(json, "Gamma-Gamma", "p").path("estimate").asDouble()).isCloseTo(6.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(parameter(json, "Gamma-Gamma", "q").path("estimate").asDouble()).isCloseTo(3.74, org.assertj.core.data.Offset.offset(0.01));
        assertThat(parameter(json, "Gamma-Gamma", "gamma").path("estimate").asDouble()).isCloseTo(15.44, org.assertj.core.data.Offset.offset(0.01));
        assertThat(parameter(json, "BG/NBD", "r").path("standardError").asDouble()).isBetween(0.005, 0.05);
        assertThat(Files.readAllLines(out.resolve("customers.csv"))).hasSize(2358);
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString())).contains("tracking-cumulative.png",
                    "tracking-cumulative.svg", "repeat-purchases.png", "conditional-expectations.png", "survival.png", "spend.png");
        }

        Path forward = dir.resolve("forward");
        Run sim = Run.of("run", out.resolve("scenario.yaml").toString(), "--months", "6", "--replications", "2",
                "--out", forward.toString(), "--quiet");
        assertThat(sim.exit()).as(sim.err()).isZero();
        assertThat(Files.readString(forward.resolve("scenario.resolved.yaml")))
                .contains("file: \"" + out.resolve("customers.csv").toAbsolutePath().normalize() + "\"");
        assertThat(Files.readString(forward.resolve("metrics.csv"))).contains("as-is,0,6,purchases,");
    }

    /**
     * calibration.html of the CDNOW sample leads with the holdout verdict the console prints (1,882 observed,
     * 1,653 predicted, −12.1%), lists every file of the folder with the forward command, and warns about the sBG.
     */
    @Test
    void cdnowPageLeadsWithTheHoldoutVerdictAndListsEveryFile() throws IOException {
        Path out = dir.resolve("cdnow");
        Run run = Run.of("calibrate", TestFiles.cdnowSample().toString(), "--calibration-end", "1997-09-30",
                "--unit", "weeks", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Holdout (39.0 weeks): 1,882 repeat transactions observed, 1,653 predicted (-12.1%)");
        String html = Files.readString(out.resolve("calibration.html"));
        int verdict = html.indexOf("<section id=\"verdict\"");
        assertThat(verdict).as("the verdict is in the header, before the contents and the models")
                .isPositive().isLessThan(html.indexOf("</header>")).isLessThan(html.indexOf("<nav")).isLessThan(html.indexOf("id=\"models\""));
        assertThat(html).contains("<strong>Holdout check (39.0 weeks):</strong> 1,882 repeat transactions observed, 1,653 predicted by the BG/NBD "
                + "(\u221212.1%): the model under-predicts by 12.1%.");
        String command = "bin/segmentlab run " + out.resolve("scenario.yaml") + " --out " + dir.resolve("cdnow-forward");
        assertThat(html).contains("<strong>Simulate forward:</strong> <code>" + command + "</code>");
        String files = html.substring(html.indexOf("<section id=\"files\">"));
        try (Stream<Path> written = Files.list(out)) {
            for (String name : written.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList()) {
                assertThat(files).as(name + " listed").containsPattern("<tr><td><code>" + java.util.regex.Pattern.quote(name) + "/?</code></td><td>[^<]+</td></tr>");
            }
        }
        assertThat(files).contains("<pre>" + command + "</pre>");
        assertThat(html).contains("Caveat: the shifted-beta-geometric is a model of contractual retention");
    }

    @Test
    void aBadLineIsLocatedAndNothingIsWritten() throws IOException {
        Path log = TestFiles.excerpt(dir, "CDNOW_sample.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(16, " 00111 0006 19970726  2   abc");
        Files.write(log, lines);
        Path out = dir.resolve("out");

        Run run = Run.of("calibrate", log.toString(), "--calibration-end", "1997-09-30", "--out", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(log + ":17:27: amount: not a number: 'abc'");
        assertThat(out).doesNotExist();
    }

    @Test
    void skipBadWarnsAndCalibratesTheRest() throws IOException {
        Path log = TestFiles.excerpt(dir, "excerpt.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(16, " 00111 0006 19970726  2   abc");
        Files.write(log, lines);
        Run run = Run.of("calibrate", log.toString(), "--calibration-end", "1997-09-30", "--skip-bad",
                "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: skipped 1 bad line of " + log).contains(log + ":17:27: amount: not a number: 'abc'");
        assertThat(dir.resolve("out").resolve("scenario.yaml")).exists();
    }

    @Test
    void anOutputFolderHoldingSomethingElseIsNotReplaced() throws IOException {
        Path out = Files.createDirectory(dir.resolve("thesis"));
        Files.writeString(out.resolve("chapter1.tex"), "precious");
        Run run = Run.of("calibrate", TestFiles.cdnowSample().toString(), "--calibration-end", "1997-09-30",
                "--out", out.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--out: ").contains("is not empty and is not a SegmentLab calibration folder")
                .doesNotContain("Exception");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("chapter1.tex");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("thesis");
        }
    }

    @Test
    void badOptionsExitWithTwoAndSayWhatIsAllowed() {
        String log = TestFiles.cdnowSample().toString();
        String out = dir.resolve("out").toString();
        assertThat(Run.of("calibrate", log, "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("Missing required option: '--calibration-end=DATE'"));
        assertThat(Run.of("calibrate", log, "--calibration-end", "1997-09-30", "--unit", "fortnights", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("fortnights").contains("days").contains("weeks").contains("months"));
        assertThat(Run.of("calibrate", log, "--calibration-end", "1996-12-31", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--calibration-end 1996-12-31 is before the log's first day 1997-01-01"));
        assertThat(Run.of("calibrate", log, "--calibration-end", "1997-01-01", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("the models need at least 10 customers who bought again by --calibration-end 1997-01-01"));
        assertThat(Run.of("calibrate", log, "--calibration-end", "1997-09-30", "--holdout-end", "1997-09-01", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--holdout-end 1997-09-01 is before --calibration-end 1997-09-30"));
        assertThat(Run.of("calibrate", log, "--calibration-end", "1997-09-30", "--taxonomy", "five-types", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("unknown taxonomy 'five-types'; allowed: four-types, dib, circles"));
        assertThat(Run.of("calibrate", log, "--calibration-end", "1997-09-30", "--currency", "dollars", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--currency: must be three capital letters"));
        assertThat(Run.of("calibrate", log, "--calibration-end", "1997-09-30", "--gross-margin", "1.5", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--gross-margin: must be between 0 and 1 (a share, e.g. 0.3), got 1.5"));
        assertThat(Run.of("calibrate", dir.resolve("missing.txt").toString(), "--calibration-end", "1997-09-30", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("LOG: no such file"));
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
