package org.segmentlab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.reports.output.ReportInput;
import org.segmentlab.reports.output.ReportWriter;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Renders every chart of a 36-month, 4-strategy, 10-replication run and PRINTS how long it took (timings are
 * never asserted: machines differ), then writes a sample report to {@code target/sample-report-synthetic/}.
 */
class SampleReportTest {

    @Test
    void renderEveryChartAndPrintTheTime() throws Exception {
        RunResult run = SyntheticRun.of(4, 10, 36, 42);
        // warm up class loading and fonts once, as a long-running process would have
        ChartExport.png(ReportCharts.all(run).get(0).chart());
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        List<ReportChart> charts = ReportCharts.all(run);
        long bytes = 0;
        for (ReportChart chart : charts) {
            bytes += ChartExport.png(chart.chart()).length;
            bytes += ChartExport.svgElement(chart.chart(), chart.id()).length();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        // CPU time as well as wall time: on a shared, loaded machine the wall time says more about the neighbours
        System.out.printf("[render time] %d charts (PNG 1600x1000 + SVG) of a 36-month, 4-strategy, 10-replication run: %d ms wall, %d ms CPU (%d KB), load average %.1f%n",
                charts.size(), millis, cpuMillis, bytes / 1024,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(charts).extracting(ReportChart::id).isNotEmpty().doesNotHaveDuplicates();

        long reportStart = System.nanoTime();
        Path out = ReportWriter.write(new ReportInput(run, "Synthetic four-types market: baseline against three strategies.",
                "name: Four types — synthetic\nseed: 42\n", "0.1.0-SNAPSHOT"), Path.of("target", "sample-report-synthetic"));
        System.out.printf("[render time] whole report folder: %d ms%n", (System.nanoTime() - reportStart) / 1_000_000);
        assertThat(Files.exists(out.resolve("report.html"))).isTrue();
    }
}
