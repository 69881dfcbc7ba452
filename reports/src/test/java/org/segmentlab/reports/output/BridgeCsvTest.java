package org.segmentlab.reports.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.reports.BridgeRun;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.analysis.BridgeComponent;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.RunResult;

/** {@code bridge.csv} of a small real run: its columns, its row order, parts that add up to the total. */
class BridgeCsvTest {

    @TempDir
    Path dir;

    @Test
    void aReportFolderHoldsTheBridgeOfEveryStrategyInComponentOrder() throws IOException {
        RunResult run = BridgeRun.get();
        Path out = ReportWriter.write(new ReportInput(run, "", "name: x\n", "0.1.0-TEST"), dir.resolve("report"));
        List<String> lines = Files.readAllLines(out.resolve(BridgeCsv.FILE));
        assertThat(lines.get(0)).isEqualTo("strategy,component,mean,low,high");
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        BridgeComponent[] components = BridgeComponent.values();
        assertThat(rows).hasSize(components.length); // one non-baseline strategy
        double parts = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            assertThat(row).hasSize(5);
            assertThat(row[0]).isEqualTo("textbook");
            assertThat(row[1]).isEqualTo(components[i].id());
            double mean = Double.parseDouble(row[2]);
            double low = Double.parseDouble(row[3]);
            double high = Double.parseDouble(row[4]);
            assertThat(low).as(row[1]).isLessThanOrEqualTo(mean);
            assertThat(high).as(row[1]).isGreaterThanOrEqualTo(mean);
            // read back bit-identical to the analysis
            MeanInterval expected = ProfitBridge.of(run.metrics(), "textbook").get(i).value();
            assertThat(new double[] {mean, low, high}).containsExactly(expected.mean(), expected.low(), expected.high());
            if (components[i].isPart()) {
                parts += mean;
            } else {
                assertThat(parts).as("the parts add up to the total").isCloseTo(mean, within(1e-6 * Math.abs(mean)));
                double[] profit = run.metrics().finalValues("textbook", "profit_cumulative");
                double[] base = run.metrics().finalValues("baseline", "profit_cumulative");
                double difference = 0;
                for (int r = 0; r < profit.length; r++) {
                    difference += (profit[r] - base[r]) / profit.length;
                }
                assertThat(mean).as("the total is the profit difference").isCloseTo(difference, within(1e-6 * Math.abs(difference)));
            }
        }
    }

    @Test
    void oneReplicationLeavesTheIntervalEmptyAndOneStrategyTheFileHeaderOnly() throws IOException {
        RunResult one = SyntheticRun.of(3, 1, 6, 5);
        StringWriter out = new StringWriter();
        BridgeCsv.write(BridgeCsv.rows(one.metrics()), out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(1 + 2 * BridgeComponent.values().length);
        assertThat(Arrays.stream(lines).skip(1)).allSatisfy(line -> assertThat(line).matches("[a-z-]+,[a-z_]+,[-0-9.E]+,,"));
        assertThat(lines[1]).startsWith("textbook,retention,");
        assertThat(lines[1 + BridgeComponent.values().length]).startsWith("retain-all,retention,");

        StringWriter single = new StringWriter();
        BridgeCsv.write(BridgeCsv.rows(SyntheticRun.of(1, 2, 6, 5).metrics()), single);
        assertThat(single.toString()).isEqualTo("strategy,component,mean,low,high\n");
    }
}
