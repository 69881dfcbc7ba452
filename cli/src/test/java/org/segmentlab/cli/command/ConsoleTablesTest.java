package org.segmentlab.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.cli.ExitCodes;

/**
 * The tables the verbs print fit a 100-column console: run/compare's summary with four strategies whose names are
 * longer than a column, sensitivity's table with a segment column per segment, classify's with dib's long rules.
 */
class ConsoleTablesTest {

    private static final String[] LONG_NAMES = {
        "no-campaign-the-baseline-everyone-compares-with",
        "blanket-discount-for-every-single-customer-segment",
        "precise-discount-for-price-sensitive-customers-only",
        "precise-discount-that-leaks-to-loyal-customers-too",
    };

    @TempDir
    Path temp;

    @Test
    void compareWithFourLongStrategyNamesFitsOneHundredColumns() {
        List<String> args = new ArrayList<>(List.of("compare", DocExamplesTest.ProjectRoot.find()
                .resolve("scenarios/discount-trap.yaml").toString(), "--replications", "3", "--months", "12",
                "--set", "market.initialCustomers=500", "--set", "market.potential=5000",
                "--out", temp.resolve("compare").toString()));
        for (int i = 0; i < LONG_NAMES.length; i++) {
            args.addAll(List.of("--set", "strategies[" + i + "].name=" + LONG_NAMES[i]));
        }
        Run r = Run.of(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertFits(r.out(), 100);
        // Still readable: every name whole once its wrapped lines are joined, a difference row and an interval
        // row for each of the three strategies compared with the baseline.
        String joined = r.out().replaceAll("-\\s*\\n", "-");
        for (String name : LONG_NAMES) {
            assertThat(joined).contains(name);
        }
        assertThat(r.out().split("\n")).filteredOn(l -> l.startsWith("  vs baseline")).hasSize(3);
        assertThat(r.out().split("\n")).filteredOn(l -> l.startsWith("  95% interval") && l.contains("±")).hasSize(3);
    }

    @Test
    void sensitivityTableFitsOneHundredColumns() {
        Run r = Run.of("sensitivity", DocExamplesTest.ProjectRoot.find().resolve("scenarios/four-types.yaml").toString(),
                "--set", "market.initialCustomers=500", "--set", "market.potential=5000",
                "--threshold", "price-sensitive.promoLift.min", "--steps", "1",
                "--out", temp.resolve("sensitivity").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertFits(r.out().lines().filter(l -> !l.startsWith("Table: ") && !l.startsWith("Chart: ")).toList(), 100);
        // Every column is still there, in some block.
        assertThat(r.out()).contains("price-sensitive.promoLift.min", "fence-sitter", "macro-F1", "retention", "top-20%");
    }

    @Test
    void classifyTableWithLongRulesFitsOneHundredColumns() {
        Path log = TestFiles.excerpt(temp, "log.txt");
        Run r = Run.of("classify", log.toString(), "--taxonomy", "dib", "--out", temp.resolve("s.csv").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        // The table: from its heading to its total line (the lines above it name the log's path, which may be long).
        List<String> lines = r.out().lines().toList();
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("segment ")).findFirst().orElseThrow());
        int end = lines.indexOf(lines.stream().filter(l -> l.startsWith("total ")).findFirst().orElseThrow());
        List<String> table = lines.subList(start, end + 1);
        assertFits(table, 100);
        assertThat(String.join("\n", table)).contains("mutineer").contains("complaints >= 2");
    }

    private static void assertFits(String out, int width) {
        assertFits(out.lines().toList(), width);
    }

    private static void assertFits(List<String> lines, int width) {
        assertThat(lines).filteredOn(l -> l.length() > width).as("lines wider than %d columns", width).isEmpty();
    }
}
