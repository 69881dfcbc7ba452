package org.segmentlab.reports.output;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.simulator.csv.Csv;
import org.segmentlab.simulator.csv.CsvReader;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * The tidy {@code metrics.csv}: header {@code strategy,replication,month,metric,value}, one row per value in
 * {@link MetricsTable#forEachRow} order. Values are written with {@link Double#toString} so they read back
 * bit-identical; NaN is an empty field. Fields are written and read by the one CSV codec ({@link Csv},
 * {@link CsvReader}: quoted per RFC 4180 when they hold a comma, a quote or a line break); lines end with LF (the
 * reader also accepts CRLF).
 */
public final class MetricsCsv {
    public static final String HEADER = "strategy,replication,month,metric,value";

    private MetricsCsv() {
    }

    /** Writes the table; the caller closes {@code out}. */
    public static void write(MetricsTable table, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        IOException[] failure = new IOException[1];
        StringBuilder line = new StringBuilder(96);
        table.forEachRow((strategy, replication, month, metric, value) -> {
            if (failure[0] != null) {
                return;
            }
            line.setLength(0);
            Csv.appendField(line, strategy);
            line.append(',').append(replication).append(',').append(month).append(',');
            Csv.appendField(line, metric);
            line.append(',');
            if (!Double.isNaN(value)) {
                line.append(Double.toString(value));
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /** ",mean,low,high" of an interval, each as {@link Double#toString}, NaN (no interval) as an empty field. */
    static void appendInterval(StringBuilder out, MeanInterval value) {
        for (double v : new double[] {value.mean(), value.low(), value.high()}) {
            out.append(',');
            if (!Double.isNaN(v)) {
                out.append(Double.toString(v));
            }
        }
    }

    /**
     * Reads a table written by {@link #write}: strategies and metrics in order of first appearance, replications
     * and months from the largest index seen; a value that is absent stays NaN.
     *
     * @throws IOException on a malformed file (wrong header, wrong field count, bad number), with its line
     */
    public static MetricsTable read(Reader in) throws IOException {
        CsvReader records = CsvReader.of(in);
        List<String> header = next(records);
        if (header == null || !String.join(",", header).equals(HEADER)) {
            throw new IOException("line 1: expected header '" + HEADER + "', got " + (header == null ? "an empty file" : "'" + String.join(",", header) + "'"));
        }
        Map<String, Integer> strategies = new LinkedHashMap<>();
        Map<String, Integer> metrics = new LinkedHashMap<>();
        List<int[]> keys = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        int replications = 0;
        int months = 0;
        List<String> record;
        while ((record = next(records)) != null) {
            long line = records.recordLine();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue;
            }
            if (record.size() != 5) {
                throw new IOException("line " + line + ": expected 5 fields, got " + record.size());
            }
            try {
                int s = strategies.computeIfAbsent(record.get(0), k -> strategies.size());
                int r = Integer.parseInt(record.get(1));
                int t = Integer.parseInt(record.get(2));
                int m = metrics.computeIfAbsent(record.get(3), k -> metrics.size());
                if (r < 0 || t < 0) {
                    throw new IOException("line " + line + ": replication and month must be >= 0");
                }
                String v = record.get(4);
                values.add(v.isEmpty() ? Double.NaN : Double.parseDouble(v));
                keys.add(new int[] {s, r, m, t});
                replications = Math.max(replications, r + 1);
                months = Math.max(months, t);
            } catch (NumberFormatException e) {
                throw new IOException("line " + line + ": not a number: " + e.getMessage(), e);
            }
        }
        double[][][][] table = new double[strategies.size()][replications][metrics.size()][months + 1];
        for (double[][][] s : table) {
            for (double[][] r : s) {
                for (double[] m : r) {
                    Arrays.fill(m, Double.NaN);
                }
            }
        }
        for (int i = 0; i < keys.size(); i++) {
            int[] k = keys.get(i);
            table[k[0]][k[1]][k[2]][k[3]] = values.get(i);
        }
        return new MetricsTable(new ArrayList<>(strategies.keySet()), replications, months, new ArrayList<>(metrics.keySet()), table);
    }

    /** The next record's fields, or null at the end; a record that is not valid CSV fails with its line. */
    private static List<String> next(CsvReader records) throws IOException {
        List<String> fields = new ArrayList<>(5);
        try {
            return records.next(fields) ? fields : null;
        } catch (CsvReader.MalformedRecord e) {
            throw new IOException("line " + e.line() + ": " + e.getMessage(), e);
        }
    }
}
