package org.segmentlab.simulator.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.simulator.csv.CsvReader;

/**
 * A metric against each varied value, read back from a sweep table in one streaming pass (memory: factors × bins ×
 * strategies counters, whatever the table's size): the last month of every run, grouped by the value of one factor
 * (its levels for a grid or list, {@value #LHS_BINS} equal bins of its range for a Latin hypercube), averaged over
 * the other factors and the replications, with the 95% interval of that mean ({@link MeanInterval}: non-finite values
 * are left out) — the marginal effect of the value.
 */
public final class SweepSummary {

    /** Bins of a Latin-hypercube factor's range. */
    public static final int LHS_BINS = 10;

    /** One factor's curve for one strategy: x (the level or the bin's mean value), the mean, its 95% interval, n. */
    public record Curve(String path, String strategy, double[] x, double[] mean, double[] low, double[] high, int[] n) {
    }

    private SweepSummary() {
    }

    /** The curves of {@code metric}, one per factor × strategy, in factor order. Non-numeric factor values are skipped. */
    public static List<Curve> of(Path csv, Design design, String metric) throws IOException {
        List<Factor> factors = design.factors();
        int d = factors.size();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                return List.of();
            }
            List<String> header = fields(headerLine, 1);
            int metricColumn = header.indexOf(metric);
            if (metricColumn < 0) {
                throw new IllegalArgumentException("the sweep table has no metric '" + metric + "'; it has: "
                        + String.join(", ", header.subList(1 + d + Sweep.RUN_COLUMNS.size(), header.size())));
            }
            int strategyColumn = 1 + d;
            // strategy -> [factor][bin] sums
            Map<String, double[][][]> acc = new LinkedHashMap<>();
            String previousKey = null;
            List<String> previous = null;
            String line;
            long lineNumber = 1;
            while (true) {
                line = in.readLine();
                lineNumber++;
                List<String> row = line == null ? null : fields(line, lineNumber);
                String key = row == null ? null : String.join(",", row.subList(0, strategyColumn + 2));
                if (previous != null && !key(previousKey).equals(key(key))) {
                    // previous was the last month of its run
                    add(acc, previous, design, strategyColumn, metricColumn);
                }
                if (row == null) {
                    break;
                }
                previous = row;
                previousKey = key;
            }
            List<Curve> out = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                for (Map.Entry<String, double[][][]> e : acc.entrySet()) {
                    out.add(curve(factors.get(j), e.getKey(), e.getValue()[j]));
                }
            }
            return out;
        }
    }

    private static String key(String k) {
        return k == null ? "" : k;
    }

    private static void add(Map<String, double[][][]> acc, List<String> row, Design design, int strategyColumn, int metricColumn) {
        List<Factor> factors = design.factors();
        boolean lhs = design.kind() == Design.Kind.LHS;
        double y = Double.parseDouble(row.get(metricColumn));
        if (!Double.isFinite(y)) {
            return;
        }
        double[][][] sums = acc.computeIfAbsent(row.get(strategyColumn), s -> {
            double[][][] a = new double[factors.size()][][];
            for (int j = 0; j < a.length; j++) {
                a[j] = new double[lhs ? LHS_BINS : factors.get(j).gridValues().size()][4];
            }
            return a;
        });
        for (int j = 0; j < factors.size(); j++) {
            Factor f = factors.get(j);
            String v = row.get(1 + j);
            int bin;
            double x;
            if (lhs) {
                x = Double.parseDouble(v);
                bin = (int) Math.min(LHS_BINS - 1, Math.floor((x - f.low()) / (f.high() - f.low()) * LHS_BINS));
            } else {
                bin = f.gridValues().indexOf(v);
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            if (bin < 0) {
                continue;
            }
            double[] s = sums[j][bin];
            s[0]++;
            s[1] += y;
            s[2] += y * y;
            s[3] += x;
        }
    }

    private static Curve curve(Factor f, String strategy, double[][] sums) {
        List<Integer> used = new ArrayList<>();
        for (int b = 0; b < sums.length; b++) {
            if (sums[b][0] > 0) {
                used.add(b);
            }
        }
        int k = used.size();
        double[] x = new double[k];
        double[] mean = new double[k];
        double[] low = new double[k];
        double[] high = new double[k];
        int[] n = new int[k];
        for (int i = 0; i < k; i++) {
            double[] s = sums[used.get(i)];
            x[i] = s[3] / s[0];
            double m = s[1] / s[0];
            // Running sums (one pass over the table): the variance from them, floored at 0 against rounding.
            double variance = s[0] > 1 ? Math.max(0, (s[2] - s[0] * m * m) / (s[0] - 1)) : 0;
            MeanInterval interval = MeanInterval.ofMoments((int) s[0], m, variance);
            n[i] = interval.n();
            mean[i] = interval.mean();
            low[i] = interval.low();
            high[i] = interval.high();
        }
        return new Curve(f.path(), strategy, x, mean, low, high, n);
    }

    /** The fields of one line of the table. */
    private static List<String> fields(String line, long lineNumber) throws IOException {
        try {
            return CsvReader.split(line);
        } catch (CsvReader.MalformedRecord e) {
            throw new IOException("line " + lineNumber + ":" + e.column() + ": " + e.getMessage(), e);
        }
    }

}
