package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.experiment.SensitivityTable;
import org.segmentlab.simulator.experiment.SweepSummary;
import org.segmentlab.simulator.metrics.Metric;

/**
 * The sweep summary and the tornado render as PNG and SVG from plain tables. The PNGs are also left in
 * {@code target/experiment-charts} to be looked at.
 */
class ExperimentChartsTest {

    private static final Path LOOK = Path.of("target", "experiment-charts");

    @Test
    void aSweepSummaryChartDrawsEachStrategyWithItsBand() throws Exception {
        double[] x = {0.05, 0.15, 0.25, 0.35, 0.45};
        List<SweepSummary.Curve> curves = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            double[] mean = new double[x.length];
            double[] low = new double[x.length];
            double[] high = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                mean[i] = 0.55 + 0.3 * x[i] + 0.05 * s;
                low[i] = mean[i] - 0.02;
                high[i] = mean[i] + 0.02;
            }
            curves.add(new SweepSummary.Curve("market.imitation", s == 0 ? "baseline" : "textbook", x, mean, low, high, new int[] {20, 20, 20, 20, 20}));
        }
        ReportChart chart = SweepChart.of(curves, "retention_initial", "EUR", 100, 5);
        assertThat(chart.id()).isEqualTo("sweep-market-imitation");
        assertThat(chart.title()).isEqualTo("Retention by market.imitation");
        render(chart);
    }

    /**
     * A sweep may plot any metric of metrics.csv: each gets its declared name and unit on the axis (not its CSV name),
     * money in the scenario's currency, shares in percent, and a title with its short name.
     */
    @Test
    void everyDeclaredMetricGetsANamedAxisWithItsUnit() {
        for (Metric m : Metric.values()) {
            String label = MetricAxes.label(m.key(), "EUR");
            assertThat(label).as(m.key()).startsWith(m.axisName()).doesNotContain("_");
            switch (m.unit()) {
                case MONEY -> assertThat(label).as(m.key()).endsWith("(EUR)");
                case SHARE -> assertThat(label).as(m.key()).endsWith("(%)");
                default -> assertThat(label).as(m.key()).doesNotEndWith(")");
            }
            assertThat(MetricAxes.shortName(m.key())).as(m.key()).isEqualTo(m.title());
        }
        assertThat(MetricAxes.label("churned", "EUR")).isEqualTo("Customers who left");
        assertThat(MetricAxes.label("classifier_accuracy", "EUR")).isEqualTo("Classifier accuracy (%)");
        assertThat(MetricAxes.label("segment.loyal", "EUR")).isEqualTo("Customers in segment loyal");
        assertThat(MetricAxes.axis("gini", "EUR").getAutoRangeIncludesZero()).isFalse(); // a score, read where it is
        assertThat(MetricAxes.axis("churned", "EUR").getAutoRangeIncludesZero()).isTrue();
    }

    @Test
    void aTornadoPutsTheWidestSwingOnTop() throws Exception {
        List<String> metrics = List.of("segment.loyal", "classifier_macro_f1", "retention_initial", "top20_share");
        List<SensitivityTable.Row> rows = new ArrayList<>();
        String[] paths = {"negative.complaints.min", "loyal.frequency.min", "loyal.discountShare.below", "price-sensitive.discountShare.min"};
        double[] effect = {0.02, 0.12, 0.01, 0.06};
        for (int p = 0; p < paths.length; p++) {
            for (int k = -1; k <= 1; k++) {
                double f1 = 0.7 + (k == 0 ? 0 : k < 0 ? -effect[p] : effect[p] * 0.4);
                rows.add(new SensitivityTable.Row(paths[p], 0.25 * k, 1 + k, new double[] {1000, f1, 0.6, 0.5}));
            }
        }
        SensitivityTable table = new SensitivityTable("textbook", 0.25, metrics, rows);
        assertThat(table.swing("classifier_macro_f1").get(0).path()).isEqualTo("loyal.frequency.min");
        ReportChart chart = TornadoChart.of(table, "classifier_macro_f1", "EUR");
        assertThat(chart.id()).isEqualTo("tornado-classifier-macro-f1");
        render(chart);
    }

    private static void render(ReportChart chart) throws Exception {
        byte[] png = ChartExport.png(chart.chart());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(ChartExport.svgElement(chart.chart(), chart.id())).startsWith("<svg");
        Files.createDirectories(LOOK);
        Files.write(LOOK.resolve(chart.id() + ".png"), png);
    }
}
