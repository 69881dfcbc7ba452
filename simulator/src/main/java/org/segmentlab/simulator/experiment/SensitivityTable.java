package org.segmentlab.simulator.experiment;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.segmentlab.simulator.csv.Csv;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * The result of a {@link Sensitivity} analysis: one row per threshold × shift (the unshifted base included), with
 * the last-month means of the recorded metrics. {@link #swing} gives a tornado chart's bars.
 *
 * @param strategy the strategy measured
 * @param range    the relative half-width of the shifts
 * @param metrics  the metric columns: segment.&lt;name&gt;…, classifier_macro_f1 (with a truth), retention_initial, top20_share
 * @param rows     path, shift (relative, e.g. -0.25), the threshold's value, the metrics' means
 */
public record SensitivityTable(String strategy, double range, List<String> metrics, List<Row> rows) {

    public SensitivityTable {
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /** One threshold at one shift. */
    public record Row(String path, double shift, double value, double[] means) {
    }

    /** One bar of a tornado: the metric at the lowest and highest shift of a threshold, and at the base. */
    public record Swing(String path, double low, double base, double high) {
        public double width() {
            return Math.abs(high - low);
        }
    }

    static List<String> metricsOf(MetricsTable m) {
        List<String> segments = new ArrayList<>();
        for (String name : m.metrics()) {
            if (isSegmentCount(name)) {
                segments.add(name.substring(Metric.segmentKey("").length()));
            }
        }
        return metricsFor(segments, m.metrics().contains(Metric.CLASSIFIER_MACRO_F1));
    }

    /**
     * The metric columns of an analysis of a taxonomy with these segments: each segment's count, macro-F1 when the
     * scenario has a truth, then the initial customers' retention and the top-20% share.
     */
    public static List<String> metricsFor(List<String> segments, boolean withTruth) {
        List<String> out = new ArrayList<>();
        segments.forEach(s -> out.add(Metric.segmentKey(s)));
        if (withTruth) {
            out.add(Metric.CLASSIFIER_MACRO_F1);
        }
        out.add(Metric.RETENTION_INITIAL.key());
        out.add(Metric.TOP20_SHARE.key());
        return out;
    }

    /** Whether a metric column is a segment's count (the others are the analysis's outcome measures). */
    public static boolean isSegmentCount(String metric) {
        return metric.startsWith(Metric.segmentKey(""));
    }

    static double[] means(MetricsTable m, String strategy, List<String> metrics) {
        double[] out = new double[metrics.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = MeanInterval.ofAll(m.finalValues(strategy, metrics.get(k))).mean(); // NaN if a replication has none
        }
        return out;
    }

    /** The thresholds' swings of {@code metric}, widest first (the tornado's order, top down). */
    public List<Swing> swing(String metric) {
        int k = metrics.indexOf(metric);
        if (k < 0) {
            throw new IllegalArgumentException("unknown metric '" + metric + "'; the table has: " + String.join(", ", metrics));
        }
        List<Swing> out = new ArrayList<>();
        List<String> paths = rows.stream().map(Row::path).distinct().toList();
        for (String p : paths) {
            List<Row> rs = rows.stream().filter(r -> r.path().equals(p)).toList();
            double base = rs.stream().filter(r -> r.shift() == 0).findFirst().orElseThrow().means()[k];
            out.add(new Swing(p, rs.get(0).means()[k], base, rs.get(rs.size() - 1).means()[k]));
        }
        out.sort((a, b) -> Double.compare(b.width(), a.width()));
        return out;
    }

    /** Tidy CSV: threshold,shift,value,&lt;metrics…&gt;. */
    public void writeCsv(Writer out) throws IOException {
        out.write(Csv.appendRecord(new StringBuilder("threshold,shift,value,"), metrics).append('\n').toString());
        for (Row r : rows) {
            StringBuilder line = Csv.appendField(new StringBuilder(), r.path()).append(',').append(r.shift()).append(',').append(r.value());
            for (double v : r.means()) {
                line.append(',').append(v);
            }
            out.write(line.append('\n').toString());
        }
    }
}
