package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.experiment.Design;
import org.segmentlab.simulator.experiment.Factor;
import org.segmentlab.simulator.experiment.SweepSummary;

/**
 * "What the example finds" in docs/research.md is a real run: the three commands of its "same from the command
 * line" block run in-process at the size they are written for (10 000 customers, 12 months: DocExamplesTest only
 * checks that they run, at its capped size), and every figure the section quotes is formatted from their output
 * to the precision the page prints and must be found on the page. A change of the model that moves a figure fails
 * here with the sentence the page should now hold; a claim about a trend is also checked against its 95% intervals.
 *
 * <p>Measured on the 2-core development machine: about 20 s for the three commands.
 */
class ResearchFindingsTest {

    private static final String PAGE = "docs/research.md";
    private static final String MACRO_F1 = "classifier_macro_f1";

    @TempDir
    static Path out;
    private static String page;
    private static Map<String, DocExample> commands;

    @BeforeAll
    static void readThePage() throws IOException {
        Path root = DocExamplesTest.ProjectRoot.find();
        List<String> lines = Files.readAllLines(root.resolve(PAGE), StandardCharsets.UTF_8);
        page = String.join("\n", lines).replaceAll("\\s*\n\\s*", " ");
        commands = new LinkedHashMap<>();
        for (DocExample e : DocExample.ofMarkdown(PAGE, lines)) {
            for (String verb : List.of("sweep", "tune", "sensitivity")) {
                if (e.text().startsWith("bin/segmentlab " + verb + " $S $SMALL")) {
                    commands.put(verb, e);
                }
            }
        }
        assertThat(commands).as("the worked example's commands on " + PAGE).containsOnlyKeys("sweep", "tune",
                "sensitivity");
    }

    @Test
    void tuningFindsTheThresholdAndObjectiveThePageQuotes() {
        Run tune = run("tune", "--out", out.resolve("tuned.yaml").toString());
        Matcher best = Pattern.compile("thresholds\\.loyal\\.frequency\\.min\\s+(\\d+)").matcher(tune.out());
        Matcher objective = Pattern.compile("Objective classifier_macro_f1: ([0-9.]+) \\(95% interval ([0-9.]+) to "
                + "([0-9.]+), 3 replications\\)").matcher(tune.out());
        Matcher candidates = Pattern.compile("(\\d+) candidates in").matcher(tune.out());
        assertThat(best.find() && objective.find() && candidates.find()).as(tune.out()).isTrue();
        assertOnPage(String.format(Locale.ROOT, "**Tuning** over 2..30 runs %s candidates", candidates.group(1)));
        assertOnPage(String.format(Locale.ROOT, "moves the threshold to **%s**, macro-F1 **%.3f** (95%% interval %.3f "
                + "to %.3f, 3 replications)", best.group(1), num(objective.group(1)), num(objective.group(2)), num(objective.group(3))));
        // The Java example's comment: the API's Tuner gives what the verb prints (MeanInterval's toString).
        assertOnPage(String.format(Locale.ROOT, "// [%s] → %.6g [%.6g, %.6g]", best.group(1), num(objective.group(1)),
                num(objective.group(2)), num(objective.group(3))));
        // "the shipped threshold's figure lies inside that interval": the tuned gain is within the noise.
        double shipped = sensitivity().get("loyal.frequency.min").get(0.0)[0];
        assertThat(shipped).isBetween(num(objective.group(2)), num(objective.group(3)));
    }

    @Test
    void sensitivityRanksTheThresholdsAsThePageSays() {
        Map<String, Map<Double, double[]>> rows = sensitivity();
        double shipped = rows.get("loyal.frequency.min").get(0.0)[0];
        assertOnPage(String.format(Locale.ROOT, "reaches a macro-F1 of %.3f at month 12", shipped));

        String widest = null;
        double widestSwing = -1;
        for (Map.Entry<String, Map<Double, double[]>> e : rows.entrySet()) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (double[] r : e.getValue().values()) {
                min = Math.min(min, r[0]);
                max = Math.max(max, r[0]);
            }
            if (max - min > widestSwing) {
                widestSwing = max - min;
                widest = e.getKey();
            }
        }
        Map<Double, double[]> w = rows.get(widest);
        assertOnPage(String.format(Locale.ROOT, "`%s` has the widest swing of macro-F1 (%.3f at %s to %.3f at %s)", widest,
                w.get(-25.0)[0], value(w.get(-25.0)), w.get(25.0)[0], value(w.get(25.0))));
        Map<Double, double[]> satisfaction = rows.get("loyal.satisfaction.min");
        assertOnPage(String.format(Locale.ROOT, "`loyal.satisfaction.min` matters next (%.3f at %s, %.3f at %s)",
                satisfaction.get(25.0)[0], value(satisfaction.get(25.0)), satisfaction.get(-25.0)[0],
                value(satisfaction.get(-25.0))));
        // "negative.complaints.min changes nothing below 2": complaints are whole numbers, so 1.5 and 1.75 are 2.
        Map<Double, double[]> complaints = rows.get("negative.complaints.min");
        for (double shift : new double[] {-25.0, -12.5}) {
            assertThat(Arrays.copyOf(complaints.get(shift), 3)).as("negative.complaints.min at %s%%", shift)
                    .containsExactly(Arrays.copyOf(complaints.get(0.0), 3));
        }
        assertOnPage("`negative.complaints.min` changes nothing below 2");
        // "Retention and the top-20% share move by less than a point for any threshold."
        for (Map<Double, double[]> t : rows.values()) {
            for (double[] r : t.values()) {
                assertThat(Math.abs(r[1] - shipped(rows)[1])).isLessThan(0.01);
                assertThat(Math.abs(r[2] - shipped(rows)[2])).isLessThan(0.01);
            }
        }
        assertOnPage("Retention and the top-20% share move by less than a point for any threshold");
    }

    @Test
    void theSweepShowsTheCurvesThePageDescribes() throws IOException {
        Path folder = out.resolve("sweep");
        Run sweep = run("sweep", "--out", folder.toString());
        assertThat(sweep.exit()).as(sweep.err()).isZero();
        List<String> args = commands.get("sweep").args();
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--vary")) {
                factors.add(Factor.parse(args.get(i + 1)));
            }
        }
        int points = Integer.parseInt(args.get(args.indexOf("--points") + 1));
        Design design = Design.latinHypercube(factors, points, 42);
        Map<String, SweepSummary.Curve> curves = new LinkedHashMap<>();
        for (SweepSummary.Curve c : SweepSummary.of(folder.resolve("sweep.csv"), design, MACRO_F1)) {
            curves.put(c.path() + " " + c.strategy(), c);
        }
        SweepSummary.Curve baseline = curves.get("thresholds.loyal.frequency.min baseline");
        SweepSummary.Curve textbook = curves.get("thresholds.loyal.frequency.min textbook");
        // Up to the bin around 10: the baseline's range, the textbook's climb; then both fall to the last bin.
        int upTo10 = lastBinBelow(baseline, 11);
        assertOnPage(String.format(Locale.ROOT, "the baseline holds %.3f–%.3f from 3 to 10", min(baseline, upTo10),
                max(baseline, upTo10)));
        assertOnPage(String.format(Locale.ROOT, "the textbook strategy climbs from %.3f at 3 to %.3f at 10",
                textbook.mean()[0], textbook.mean()[upTo10]));
        int last = baseline.x().length - 1;
        assertOnPage(String.format(Locale.ROOT, "both fall above 12, to %.3f (baseline) and %.3f (textbook) at 19",
                baseline.mean()[last], textbook.mean()[last]));
        assertFalls(baseline, upTo10, last);
        assertFalls(textbook, upTo10, last);

        SweepSummary.Curve imitationBaseline = curves.get("market.imitation baseline");
        SweepSummary.Curve imitationTextbook = curves.get("market.imitation textbook");
        int end = imitationBaseline.x().length - 1;
        assertOnPage(String.format(Locale.ROOT, "from %.3f in its lowest tenth to %.3f in its highest (baseline; "
                + "textbook %.3f to %.3f;", imitationBaseline.mean()[0], imitationBaseline.mean()[end],
                imitationTextbook.mean()[0], imitationTextbook.mean()[end]));
        assertFalls(imitationBaseline, 0, end);
        // The design's pairing: the mean threshold in imitation's lowest and highest tenth.
        double[] sum = new double[2];
        int[] count = new int[2];
        List<String> lines = Files.readAllLines(folder.resolve("sweep.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int imitation = header.indexOf("market.imitation");
        int threshold = header.indexOf("thresholds.loyal.frequency.min");
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (seen.add(f[0])) {
                double m = num(f[imitation]);
                int tenth = m < 0.09 ? 0 : m >= 0.41 ? 1 : -1; // market.imitation=0.05..0.45 in tenths of 0.04
                if (tenth >= 0) {
                    sum[tenth] += num(f[threshold]);
                    count[tenth]++;
                }
            }
        }
        assertThat(seen).hasSize(points);
        assertOnPage(String.format(Locale.ROOT, "the lowest tenth of imitation holds thresholds of %.1f on average, the "
                + "highest %.1f", sum[0] / count[0], sum[1] / count[1]));
        assertFalls(imitationTextbook, 0, end);
    }

    /**
     * "Scaling, on paper": the speed it assumes is the last full-featured one-thread figure of benchmarks/README.md,
     * and each row of hours is 1.44 × 10^12 customer-months over that speed and the cores (at least one point's time).
     */
    @Test
    void theScalingTableFollowsFromTheBenchmarkedSpeed() throws IOException {
        Path root = DocExamplesTest.ProjectRoot.find();
        Matcher speed = Pattern.compile("\\| hours \\(at ([0-9.]+) million customer-months / core-s\\) \\|").matcher(page);
        assertThat(speed.find()).as(PAGE + " has the scaling table").isTrue();
        double perCore = num(speed.group(1)) * 1e6;
        String benchmarks = Files.readString(root.resolve("benchmarks/README.md"), StandardCharsets.UTF_8);
        Matcher rows = Pattern.compile("\\| full-featured \\| 1 \\|[^\n]*\\| ([0-9.]+) M \\|").matcher(benchmarks);
        String last = null;
        while (rows.find()) {
            last = rows.group(1);
        }
        assertThat(last).as("the last full-featured one-thread figure of benchmarks/README.md").isEqualTo(speed.group(1));
        double total = 2000.0 * 10 * 2 * 1e6 * 36;
        double point = 10.0 * 2 * 1e6 * 36 / perCore;
        Matcher row = Pattern.compile("\\| (≥ )?([0-9 ]+?)( \\(this machine\\))? \\| ([0-9.]+)").matcher(
                page.substring(speed.end()));
        int seen = 0;
        while (row.find() && seen < 5) {
            int cores = Integer.parseInt(row.group(2).replace(" ", ""));
            double waves = Math.ceil(2000.0 / cores);
            double hours = Math.max(total / (cores * perCore), waves * point) / 3600;
            String written = row.group(4);
            int decimals = written.contains(".") ? written.length() - written.indexOf('.') - 1 : 0;
            assertThat(written).as("hours on %d cores", cores).isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f",
                    hours));
            seen++;
        }
        assertThat(seen).isEqualTo(5);
    }

    /** A fall that is not noise: the two bins' 95% intervals do not overlap. */
    private static void assertFalls(SweepSummary.Curve c, int from, int to) {
        assertThat(c.high()[to]).as("%s %s: bin %d's interval lies below bin %d's", c.path(), c.strategy(), to, from)
                .isLessThan(c.low()[from]);
    }

    private static int lastBinBelow(SweepSummary.Curve c, double x) {
        int i = 0;
        while (i + 1 < c.x().length && c.x()[i + 1] < x) {
            i++;
        }
        return i;
    }

    private static double min(SweepSummary.Curve c, int upTo) {
        double m = Double.MAX_VALUE;
        for (int i = 0; i <= upTo; i++) {
            m = Math.min(m, c.mean()[i]);
        }
        return m;
    }

    private static double max(SweepSummary.Curve c, int upTo) {
        double m = -Double.MAX_VALUE;
        for (int i = 0; i <= upTo; i++) {
            m = Math.max(m, c.mean()[i]);
        }
        return m;
    }

    private static Map<String, Map<Double, double[]>> sensitivityRows;

    /** The sensitivity table as printed: threshold → shift (%) → {macro-F1, retention, top-20% share, value}. */
    private static synchronized Map<String, Map<Double, double[]>> sensitivity() {
        if (sensitivityRows == null) {
            Run r = run("sensitivity", "--out", out.resolve("sensitivity").toString());
            Pattern row = Pattern.compile("^(\\S+)\\s+([+-][0-9.]+)%\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)$");
            Map<String, Map<Double, double[]>> rows = new LinkedHashMap<>();
            boolean metrics = false;
            for (String line : r.out().lines().toList()) {
                metrics |= line.startsWith("threshold") && line.contains("macro-F1");
                Matcher m = row.matcher(line.strip());
                if (metrics && m.matches()) {
                    rows.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(num(m.group(2)),
                            new double[] {num(m.group(4)), num(m.group(5)), num(m.group(6)), num(m.group(3))});
                }
            }
            assertThat(rows).as(r.out()).containsKeys("loyal.frequency.min", "loyal.satisfaction.min",
                    "negative.complaints.min");
            sensitivityRows = rows;
        }
        return sensitivityRows;
    }

    private static double[] shipped(Map<String, Map<Double, double[]>> rows) {
        return rows.get("loyal.frequency.min").get(0.0);
    }

    /** A threshold's value as the page writes it: the table's digits without trailing zeros. */
    private static String value(double[] row) {
        return BigDecimal.valueOf(row[3]).stripTrailingZeros().toPlainString();
    }

    private static double num(String s) {
        return Double.parseDouble(s);
    }

    private static void assertOnPage(String sentence) {
        assertThat(page.contains(sentence)).as("%s should say (from the run now): %s", PAGE, sentence).isTrue();
    }

    /** The page's command for {@code verb}, paths made absolute, with {@code extra} appended (its output folder). */
    private static Run run(String verb, String... extra) {
        Path root = DocExamplesTest.ProjectRoot.find();
        List<String> args = new ArrayList<>();
        for (String word : commands.get(verb).args()) {
            Path atRoot = root.resolve(word).normalize();
            args.add(!word.startsWith("-") && word.contains("/") && Files.exists(atRoot) ? atRoot.toString() : word);
        }
        args.addAll(List.of(extra));
        Run r = Run.of(args.toArray(new String[0]));
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }
}
