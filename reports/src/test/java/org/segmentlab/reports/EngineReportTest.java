package org.segmentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.output.ReportWriter;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * A report from a real engine run of the four-types market (36 months, 4 strategies, 10 replications), kept
 * under {@code target/sample-report/} for looking at. Prints the engine and report times (never asserted).
 */
class EngineReportTest {

    @Test
    void writesTheReportOfARealRun() throws Exception {
        int customers = 5_000;
        int months = 36;
        int replications = 10;
        long seed = 42;
        long start = System.nanoTime();
        RunResult run = Simulator.run(FourTypesScenario.of(customers, months, replications, seed), RunOptions.threads(2));
        long simulated = System.nanoTime();
        Path out = ReportWriter.write(new ReportInput(run, "What happens when each of the four types gets its textbook treatment.",
                FourTypesScenario.yaml(customers, months, replications, seed), "0.1.0-SNAPSHOT"), Path.of("target", "sample-report"));
        long written = System.nanoTime();
        System.out.printf("[render time] engine run %d ms, report folder %d ms%n", (simulated - start) / 1_000_000, (written - simulated) / 1_000_000);
        assertThat(Files.size(out.resolve("report.html"))).isPositive();
        assertThat(out.resolve("charts/confusion-textbook.png")).isRegularFile();
    }
}
