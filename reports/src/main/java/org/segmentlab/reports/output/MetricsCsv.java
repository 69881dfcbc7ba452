package org.segmentlab.reports.output;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * The tidy {@code metrics.csv}: header {@code strategy,replication,month,metric,value}, one row per value in
 * {@link MetricsTable#forEachRow} order. Values are written with {@link Double#toString} so they read back
 * bit-identical; NaN is an empty field. Fields are quoted per RFC 4180 when they hold a comma, a quote or a
 * line break; lines end with LF (the reader also accepts CRLF).
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
            appendField(line, strategy);
            line.append(',').append(replication).append(',').append(month).append(',');
            appendField(line, metric);
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

    static void appendField(StringBuilder out, String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    /**
     * Reads a table written by {@link #write}: strategies and metrics in order of first appearance, replications
     * and months from the largest index seen; a value that is absent stays NaN.
     *
     * @throws IOException on a malformed file (wrong header, wrong field count, bad number), with its line
     */
    public static MetricsTable read(Reader in) throws IOException {
        RecordReader records = new RecordReader(in);
        List<String> header = records.next();
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
        while ((record = records.next()) != null) {
            int line = records.recordLine();
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

    /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
    private static final class RecordReader {
        private final Reader in;
        private int line = 1;
        private int recordLine = 1;
        private int pushedBack = -2;

        RecordReader(Reader in) {
            this.in = in;
        }

        int recordLine() {
            return recordLine;
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return in.read();
        }

        /** The next record's fields, or null at the end. */
        List<String> next() throws IOException {
            recordLine = line;
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>(5);
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IOException("line " + recordLine + ": unterminated quoted field");
                    }
                    if (c == '"') {
                        int d = read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\r' || c == '\n' || c == -1) {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') {
                            pushedBack = d;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }
}
