package org.segmentlab.reports;

import java.nio.file.Files;
import java.nio.file.Path;

import org.segmentlab.reports.chart.ChartExport;
import org.segmentlab.reports.chart.ReportChart;
import org.segmentlab.reports.chart.ReportCharts;
import org.segmentlab.simulator.metrics.RunResult;

/** Renders every chart of a synthetic run to a folder, for looking at them. args: folder strategies replications months */
public final class SampleCharts {
    private SampleCharts() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/sample-charts");
        int strategies = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int replications = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int months = args.length > 3 ? Integer.parseInt(args[3]) : 36;
        Files.createDirectories(dir);
        RunResult result = SyntheticRun.of(strategies, replications, months, 42);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            java.util.List<ReportChart> charts = ReportCharts.all(result);
            long built = System.nanoTime();
            long png = 0;
            long svg = 0;
            for (ReportChart chart : charts) {
                long a = System.nanoTime();
                byte[] bytes = ChartExport.png(chart.chart());
                long b = System.nanoTime();
                String text = ChartExport.svgElement(chart.chart(), chart.id());
                long c = System.nanoTime();
                png += b - a;
                svg += c - b;
                Files.write(dir.resolve(chart.id() + ".png"), bytes);
                Files.writeString(dir.resolve(chart.id() + ".svg"), ChartExport.svgDocument(text));
            }
            System.out.printf("round %d: %d charts, build %d ms, png %d ms, svg %d ms, total %d ms%n", round, charts.size(),
                    (built - start) / 1_000_000, png / 1_000_000, svg / 1_000_000, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
