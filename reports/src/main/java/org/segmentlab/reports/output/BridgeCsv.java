package org.segmentlab.reports.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.segmentlab.simulator.analysis.BridgeRow;
import org.segmentlab.simulator.analysis.ProfitBridge;
import org.segmentlab.simulator.csv.Csv;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * {@code bridge.csv}: the profit bridge ({@link ProfitBridge}) — each non-baseline strategy's cumulative profit
 * difference to the baseline split into components that add up to the {@code total} row, with the 95% interval over
 * paired replications. Header {@code strategy,component,mean,low,high}; rows by strategy, then component in
 * {@link org.segmentlab.simulator.analysis.BridgeComponent} order; numbers with {@link Double#toString} (locale-free,
 * read back bit-identical); NaN (no interval with one replication) is an empty field; fields quoted as in
 * {@code metrics.csv}; lines end with LF. A run of one strategy gets the header only.
 */
public final class BridgeCsv {
    public static final String FILE = "bridge.csv";
    public static final String HEADER = "strategy,component,mean,low,high";

    private BridgeCsv() {
    }

    /** The bridge of {@code table}'s strategies (none when it has one strategy or lacks the bridge's metrics). */
    public static List<BridgeRow> rows(MetricsTable table) {
        return ProfitBridge.available(table) ? ProfitBridge.of(table) : List.of();
    }

    /** Writes the rows in their order; the caller closes {@code out}. */
    public static void write(List<BridgeRow> rows, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(128).append(HEADER).append('\n');
        for (BridgeRow row : rows) {
            Csv.appendField(line, row.strategy());
            line.append(',').append(row.component().id());
            MetricsCsv.appendInterval(line, row.value());
            line.append('\n');
        }
        out.append(line);
    }
}
