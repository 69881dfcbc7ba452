package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    private static final String HEADER = "customer,segment,recency,frequency,monetary,discountShare,satisfaction,"
            + "complaints,referrals,costToServe,margin,tenure,valueRank,promoLift,serviceToMargin";

    private static final Pattern TABLE_ROW = Pattern.compile("^(\\S+)\\s+(\\d+)\\s+(\\d+\\.\\d+)%.*$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    /** segment → {customers, share in %}, from the printed table (the total row excluded). */
    private static Map<String, double[]> table(String out) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        Matcher m = TABLE_ROW.matcher(out);
        while (m.find()) {
            if (!m.group(1).equals("total")) {
                rows.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            }
        }
        return rows;
    }

    /** The CSV rows by customer id (the id is the first field; CDNOW ids hold no comma). */
    private static Map<String, String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            rows.put(fields[0], fields);
        }
        return rows;
    }

    private static float feature(String[] row, String key) {
        int column = List.of(HEADER.split(",")).indexOf(key);
        return row[column].isEmpty() ? Float.NaN : Float.parseFloat(row[column]);
    }

    @Test
    void cdnowEndToEnd() throws IOException {
        Path out = dir.resolve("segments.csv");
        Run run = Run.of("classify", TestFiles.cdnowSample().toString(), "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("6919 transactions (whitespace), 6696 purchases (customer-days) of 2357 customers");
        assertThat(run.out()).contains("as of 1998-06-30, window of 12 months (1997-07-01 to 1998-06-30): 812 of 2357");

        Map<String, double[]> table = table(run.out());
        assertThat(table).containsOnlyKeys("negative", "loyal", "price-sensitive", "fence-sitter");
        assertThat(table.values().stream().mapToDouble(r -> r[0]).sum()).isEqualTo(2357);
        assertThat(table.values().stream().mapToDouble(r -> r[1]).sum()).isCloseTo(100, within(0.02));
        // 111 customers bought on 6 or more days of the last 12 months (checked with awk on the file);
        // no satisfaction, complaints or discounts in a CDNOW log, so nobody is negative or price-sensitive.
        assertThat(table.get("loyal")).containsExactly(111, 4.71);
        assertThat(table.get("fence-sitter")).containsExactly(2246, 95.29);
        assertThat(table.get("negative")[0]).isZero();
        assertThat(table.get("price-sensitive")[0]).isZero();

        Map<String, String[]> rows = rows(out);
        assertThat(rows).hasSize(2357);
        assertThat(rows.keySet()).first().isEqualTo("00004");
        // Worked by hand (see LogFeaturesTest): 00004 bought 1997-08-02 (14.96) and 1997-12-12 (26.48) in the
        // window; 200 days since the last purchase, 545 since the first.
        String[] c4 = rows.get("00004");
        assertThat(c4[1]).isEqualTo("fence-sitter");
        assertThat(feature(c4, "frequency")).isEqualTo(2f);
        assertThat(feature(c4, "monetary")).isEqualTo(41.44f);
        assertThat(feature(c4, "recency")).isCloseTo(200 / 30.4375f, within(1e-5f));
        assertThat(feature(c4, "tenure")).isCloseTo(545 / 30.4375f, within(1e-5f));
        assertThat(feature(c4, "satisfaction")).isNaN();
        assertThat(feature(c4, "margin")).isNaN();
        assertThat(feature(c4, "complaints")).isZero();
        // 00619: 17 lines on 16 days in the window (two on 1997-12-02), 562.69 in all; last bought 1998-05-19.
        String[] c619 = rows.get("00619");
        assertThat(c619[1]).isEqualTo("loyal");
        assertThat(feature(c619, "frequency")).isEqualTo(16f);
        assertThat(feature(c619, "monetary")).isCloseTo(562.69f, within(1e-3f));
        assertThat(feature(c619, "recency")).isCloseTo(42 / 30.4375f, within(1e-5f));
        // 00773: four purchases in the window (155.97), last 1997-12-22, 190 days before the as-of day.
        String[] c773 = rows.get("00773");
        assertThat(feature(c773, "frequency")).isEqualTo(4f);
        assertThat(feature(c773, "monetary")).isCloseTo(155.97f, within(1e-4f));
        assertThat(feature(c773, "recency")).isCloseTo(190 / 30.4375f, within(1e-5f));
        assertThat(rows.values().stream().filter(r -> r[1].equals("loyal")).count()).isEqualTo(111);
    }

    @Test
    void asOfChangesRecencyAndTheWindow() throws IOException {
        Path out = dir.resolve("early.csv");
        Run run = Run.of("classify", TestFiles.cdnowSample().toString(), "--as-of", "1997-12-31", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("as of 1997-12-31, window of 12 months (1997-01-01 to 1997-12-31): 2357 of 2357");
        String[] c4 = rows(out).get("00004");
        // Last purchase 1997-12-12: 19 days; all four purchases (100.50) fall in 1997.
        assertThat(feature(c4, "recency")).isCloseTo(19 / 30.4375f, within(1e-5f));
        assertThat(feature(c4, "frequency")).isEqualTo(4f);
        assertThat(feature(c4, "monetary")).isEqualTo(100.5f);
        assertThat(table(run.out()).get("loyal")[0]).isEqualTo(196); // awk: 196 customers with >= 6 days in 1997

        Run compact = Run.of("classify", TestFiles.cdnowSample().toString(), "--as-of", "19970131", "--window", "1",
                "--out", out.toString());
        assertThat(compact.exit()).as(compact.err()).isZero();
        assertThat(compact.out()).contains("window of 1 month (1997-01-01 to 1997-01-31)");
        assertThat(compact.out()).containsPattern("\\d+ customers first bought after 1997-01-31 and are left out");
    }

    @Test
    void setOverridesAThreshold() throws IOException {
        Run run = Run.of("classify", TestFiles.cdnowSample().toString(), "--set", "loyal.frequency.min=4",
                "--out", dir.resolve("s.csv").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(table(run.out()).get("loyal")[0]).isEqualTo(217); // awk: 217 customers with >= 4 days
        // The log tells neither satisfaction nor (no discounts) the promotion response: loyal is frequency alone.
        assertThat(run.out()).contains("loyal                  217    9.21%  frequency >= 4\n");
        assertThat(run.out()).contains("note: the log does not tell satisfaction, promoLift (unknown for every");
    }

    @Test
    void circlesPutTheTopFifthOfCustomersInCircleOne() {
        Run run = Run.of("classify", TestFiles.cdnowSample().toString(), "--taxonomy", "circles",
                "--out", dir.resolve("c.csv").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, double[]> table = table(run.out());
        // valueRank >= 0.8 among all 2357 customers (as the simulator ranks its active ones): the top fifth; the
        // 1545 who bought nothing in the window tie at the bottom (valueRank 0), so circle-3 is empty.
        assertThat(table.get("circle-1")[0]).isEqualTo(472);
        assertThat(table.get("circle-2")[0]).isEqualTo(812 - 472);
        assertThat(table.get("circle-3")[0]).isZero();
        assertThat(table.get("circle-4")[0]).isEqualTo(2357 - 812);
        assertThat(table.values().stream().mapToDouble(r -> r[0]).sum()).isEqualTo(2357);
    }

    @Test
    void csvWithAColumnMapping() throws IOException {
        Path log = dir.resolve("sales.txt");
        List<String> lines = new ArrayList<>();
        lines.add("Client Ref;Day;Paid;Promo;Items");
        for (int m = 1; m <= 6; m++) {
            lines.add("\"A; Inc.\";2020-0" + m + "-10;100.00;;1");        // 6 full-price purchases: loyal
            lines.add("d;2020-0" + m + "-11;10;" + (m <= 2 ? "5%" : "") + ";1");  // buys every month, sale or not
        }
        for (int m = 1; m <= 4; m++) {
            lines.add("b;2020-0" + m + "-12;20;" + (m <= 3 ? "yes" : "no") + ";2"); // buys mostly in the sales
        }
        lines.add("\"he said \"\"hi\"\"\";2020-06-30;1;;");
        Files.write(log, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");

        Run run = Run.of("classify", log.toString(), "--format", "csv", "--customer", "Client Ref", "--date", "day",
                "--amount", "Paid", "--discount", "4", "--out", out.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("17 transactions (csv)");
        List<String> csv = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).isEqualTo(HEADER);
        // Rows in id order; the output is comma-separated, so only ids with a comma or a quote are quoted.
        assertThat(csv.get(1)).startsWith("A; Inc.,loyal,").contains(",6,600,0,,0,0,0,,");
        // Sale months: January to March, when at least a fifth of the log's purchases were discounted (2/3, 2/3,
        // 1/3); April to June are full price. b bought 3 times in 3 sale months and once in 3 full-price months:
        // r̄ = 4/6, lift = ((3 + 2r̄)/(3 + 2)) / ((1 + 2r̄)/(3 + 2)) = 4.333/2.333 = 1.857: price-sensitive.
        assertThat(csv.get(2)).startsWith("b,price-sensitive,");
        assertThat(csv.get(2)).contains(",4,80,0.75,").endsWith(",1.8571428,");
        // d bought once every month, in sales and out of them (lift 1), six times: loyal, however many of its
        // purchases happened to be discounted (discountShare 1/3 is exposure, not response).
        assertThat(csv.get(3)).startsWith("d,loyal,");
        assertThat(csv.get(3)).contains(",6,60,0.33333334,").endsWith(",1,");
        assertThat(csv.get(4)).startsWith("\"he said \"\"hi\"\"\",fence-sitter,0,1,1,0,,");
        assertThat(run.out()).doesNotContain("discountShare (no discount column");
    }

    @Test
    void aBadLineIsLocatedAndNothingIsWritten() throws IOException {
        Path log = TestFiles.excerpt(dir, "CDNOW_sample.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(16, " 00111 0006 19970726  2   abc");
        Files.write(log, lines);
        Path out = dir.resolve("segments.csv");
        Files.writeString(out, "the previous result\n");

        Run run = Run.of("classify", log.toString(), "--out", out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(log + ":17:27: amount: not a number: 'abc'" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo("the previous result\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("CDNOW_sample.txt", "segments.csv");
        }
    }

    @Test
    void skipBadLinesWarnsAndGoesOn() throws IOException {
        Path log = TestFiles.excerpt(dir, "excerpt.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.set(16, " 00111 0006 19970726  2   abc");
        lines.set(20, " 00111 0006 1997-07-26");
        Files.write(log, lines);

        Run run = Run.of("classify", log.toString(), "--skip-bad-lines", "--out", dir.resolve("s.csv").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: skipped 2 bad lines of " + log)
                .contains(log + ":17:27: amount: not a number: 'abc'")
                .contains(log + ":21: expected at least 5 whitespace-separated columns, got 3");
        assertThat(run.out()).contains("298 transactions (whitespace)").contains("of 111 customers");
    }

    @Test
    void unknownTaxonomyListsTheAllowedNames() {
        Run run = Run.of("classify", TestFiles.cdnowSample().toString(), "--taxonomy", "five-types",
                "--out", dir.resolve("s.csv").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--taxonomy: unknown taxonomy 'five-types'; allowed: four-types, dib, circles")
                .contains("Try 'segmentlab classify --help'")
                .doesNotContain("at org.");
        assertThat(dir.resolve("s.csv")).doesNotExist();
    }

    @Test
    void badSetPathsGiveTheModelsMessageAllAtOnce() {
        Run run = Run.of("classify", TestFiles.cdnowSample().toString(),
                "--set", "loyal.frequenc.min=4",
                "--set", "loyal.frequency.min=four",
                "--set", "royal.frequency.min=4",
                "--out", dir.resolve("s.csv").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "--set loyal.frequenc.min: unknown feature 'frequenc'; allowed: recency, frequency, monetary,"
                        + " discountShare, satisfaction, complaints, referrals, costToServe, margin, tenure, valueRank, promoLift, serviceToMargin",
                "--set loyal.frequency.min: the value must be a number, e.g. loyal.frequency.min=4; got 'four'",
                "--set royal.frequency.min: unknown segment 'royal' in taxonomy 'four-types'; allowed: negative, loyal,"
                        + " price-sensitive, fence-sitter");
        assertThat(dir.resolve("s.csv")).doesNotExist();

        Run noThreshold = Run.of("classify", TestFiles.cdnowSample().toString(), "--set", "loyal.recency.max=3",
                "--out", dir.resolve("s.csv").toString());
        assertThat(noThreshold.exit()).isEqualTo(2);
        assertThat(noThreshold.err()).startsWith("--set loyal.recency.max: segment 'loyal' has no condition recency.max");
    }

    @Test
    void otherBadInputExitsWithTwo() throws IOException {
        String log = TestFiles.cdnowSample().toString();
        String out = dir.resolve("s.csv").toString();
        assertThat(Run.of("classify", dir.resolve("missing.txt").toString(), "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("LOG: no such file: " + dir.resolve("missing.txt")));
        assertThat(Run.of("classify", log, "--window", "0", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--window: must be between 1 and 1200, got 0"));
        assertThat(Run.of("classify", log, "--as-of", "1996-12-31", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--as-of 1996-12-31 is before the log's first day 1997-01-01"));
        assertThat(Run.of("classify", log, "--as-of", "31/12/1997", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("not a date (yyyyMMdd or yyyy-MM-dd): '31/12/1997'"));
        assertThat(Run.of("classify", log, "--format", "xls", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("unknown format 'xls'; allowed: auto, whitespace, csv"));
        assertThat(Run.of("classify", log, "--amount", "revenue", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("amount: a whitespace log's columns are numbered from 1"));
        assertThat(Run.of("classify", log, "--customer", "none", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("--customer: is required and cannot be 'none'"));
        assertThat(Run.of("classify", log, "--out", dir.toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("is a folder; give a file name"));
        assertThat(Run.of("classify", log, "--out", Path.of(log).resolve("s.csv").toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("is a file, not a folder"));
        assertThat(Run.of("classify", log, "--taxnomy", "dib", "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("Unknown options: '--taxnomy'").contains("Possible solutions: --taxonomy"));
        assertThat(Run.of("classify"))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("Missing required parameter: 'LOG'"));
        Path empty = Files.writeString(dir.resolve("empty.csv"), "customer,date,amount\n");
        assertThat(Run.of("classify", empty.toString(), "--out", out))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("holds no transactions"));
        assertThat(dir.resolve("s.csv")).doesNotExist();
    }

    @Test
    void quietPrintsNothing() {
        Path out = dir.resolve("s.csv");
        Run run = Run.of("classify", TestFiles.cdnowSample().toString(), "--quiet", "--out", out.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(out).exists();
    }

    @Test
    void helpExplainsTheFeaturesThresholdsAndExamples() {
        Run run = Run.of("classify", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("Usage: segmentlab classify")
                .contains("recency        months since the last purchase: days / 30.4375")
                .contains("all lines of one customer on one day")
                .contains("k / (n - 1)")
                .contains("loyal.frequency.min=6")
                .contains("circle-1.valueRank.min=0.8")
                .contains("Examples:")
                .contains("bin/segmentlab classify data/cdnow/CDNOW_sample.txt")
                .contains("Exit codes:");
        assertThat(run.err()).isEmpty();
        assertThat(Run.of("help", "classify").out()).isEqualTo(run.out());
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(ClassifyCommand.number(Float.NaN)).isEmpty();
        assertThat(ClassifyCommand.number(6f)).isEqualTo("6");
        assertThat(ClassifyCommand.number(41.44f)).isEqualTo("41.44");
        assertThat(ClassifyCommand.number(1.25e-5f)).isEqualTo("0.0000125");
        assertThat(ClassifyCommand.number(123456789f)).isEqualTo("123456792");
        assertThat(ClassifyCommand.number(-0.5f)).isEqualTo("-0.5");
    }
}
