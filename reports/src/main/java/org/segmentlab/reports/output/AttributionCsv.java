package org.segmentlab.reports.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.segmentlab.simulator.analysis.AttributionRow;
import org.segmentlab.simulator.csv.Csv;

/**
 * {@code attribution.csv}: what each treated segment's treatment adds to a strategy's cumulative profit (the
 * strategy minus the strategy with that segment treated as in the baseline, paired by replication), then
 * {@code advertising} and {@code interaction}. Header {@code strategy,segment,treatment,mean,low,high}; numbers with
 * {@link Double#toString} (locale-free, read back bit-identical); NaN (no interval with one replication) is an empty
 * field; fields quoted as in {@code metrics.csv}; lines end with LF.
 */
public final class AttributionCsv {
    public static final String FILE = "attribution.csv";
    public static final String HEADER = "strategy,segment,treatment,mean,low,high";

    private AttributionCsv() {
    }

    /** Writes the rows in their order; the caller closes {@code out}. */
    public static void write(List<AttributionRow> rows, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(128).append(HEADER).append('\n');
        for (AttributionRow row : rows) {
            Csv.appendField(line, row.strategy());
            line.append(',');
            Csv.appendField(line, row.segment());
            line.append(',');
            Csv.appendField(line, row.treatment());
            MetricsCsv.appendInterval(line, row.value());
            line.append('\n');
        }
        out.append(line);
    }
}
