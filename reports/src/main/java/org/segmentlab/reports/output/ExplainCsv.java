package org.segmentlab.reports.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.segmentlab.simulator.analysis.ExplanationRow;
import org.segmentlab.simulator.csv.Csv;

/**
 * {@code explain.csv}: {@code strategy,mechanism,advantage,advantage_off,carried,carried_low,carried_high}, one row
 * per non-baseline strategy and mechanism switched off; advantages in the scenario's currency (cumulative profit at
 * the last month minus the baseline's, means over replications), {@code carried} the share of the advantage the
 * mechanism carries (1 = all of it) with its 95% interval. Numbers in Java's shortest round-trip form, an undefined
 * value (one replication's interval, an advantage of 0) as an empty field.
 */
public final class ExplainCsv {
    public static final String FILE = "explain.csv";
    public static final String HEADER = "strategy,mechanism,advantage,advantage_off,carried,carried_low,carried_high";

    private ExplainCsv() {
    }

    public static void write(List<ExplanationRow> rows, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (ExplanationRow r : rows) {
            out.write(Csv.field(r.strategy()) + "," + Csv.field(r.mechanism().key()) + "," + number(r.advantage().mean()) + ","
                    + number(r.advantageOff().mean()) + "," + number(r.carried().mean()) + "," + number(r.carried().low())
                    + "," + number(r.carried().high()) + "\n");
        }
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
