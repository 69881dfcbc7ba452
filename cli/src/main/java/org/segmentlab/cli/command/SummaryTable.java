package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.segmentlab.reports.table.Interval;
import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The one-screen summary printed at the end of a run: per strategy the four key figures at the last month (means
 * over replications) and, for every strategy but the baseline, the difference to the baseline with its 95% interval.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(PrintWriter out, Scenario scenario, List<StrategyFigures> figures) {
        String currency = scenario.economics().currency();
        int replications = scenario.replications();
        out.printf(Locale.ROOT, "%n%s — month %d, %d replication%s%n%n", scenario.name(), scenario.months(), replications,
                replications == 1 ? "" : "s");
        int width = Math.max(10, figures.stream().mapToInt(f -> f.strategy().length()).max().orElse(10));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "strategy"));
        for (KeyFigure k : KeyFigure.values()) {
            header.append(String.format(Locale.ROOT, "  %30s", label(k, currency)));
        }
        out.println(header);
        for (StrategyFigures f : figures) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", f.strategy()));
            for (KeyFigure k : KeyFigure.values()) {
                row.append(String.format(Locale.ROOT, "  %30s", cell(f, k)));
            }
            out.println(row);
        }
        out.println();
        if (figures.size() > 1) {
            out.println(replications > 1
                    ? "Differences are to the baseline '" + figures.get(0).strategy() + "', [95% interval] from paired replications."
                    : "Differences are to the baseline '" + figures.get(0).strategy() + "'; run with --replications 10 (or 'compare') for intervals.");
        }
    }

    private static String label(KeyFigure k, String currency) {
        return k.unit() == KeyFigure.Unit.MONEY ? k.label() + " (" + currency + ")" : k.label();
    }

    private static String cell(StrategyFigures f, KeyFigure k) {
        Interval value = f.finalValue(k);
        String v = format(k, value.mean(), false);
        Optional<PairedDifference> d = f.difference(k);
        if (f.baseline() || d.isEmpty()) {
            return v;
        }
        PairedDifference diff = d.get();
        String delta = format(k, diff.mean(), true);
        if (diff.hasInterval()) {
            delta += " [" + format(k, diff.low(), true) + ", " + format(k, diff.high(), true) + "]";
        }
        return v + " " + delta;
    }

    /** Shares as percent (differences in percentage points), money as whole units with thousands separators. */
    static String format(KeyFigure k, double x, boolean signed) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (k.unit() == KeyFigure.Unit.MONEY) {
            return String.format(Locale.ROOT, signed ? "%+,.0f" : "%,.0f", x);
        }
        return signed ? String.format(Locale.ROOT, "%+.1fpp", 100 * x) : String.format(Locale.ROOT, "%.1f%%", 100 * x);
    }
}
