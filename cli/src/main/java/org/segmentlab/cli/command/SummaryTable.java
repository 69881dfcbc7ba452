package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.segmentlab.reports.table.KeyFigure;
import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.StrategyFigures;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * The one-screen summary printed at the end of a run: per strategy the four key figures at the last month (means
 * over replications) and, for every strategy but the baseline, a row with the difference to the baseline and a row
 * with its 95% interval (± the half-width: the paired interval is symmetric). At most {@value #MAX_WIDTH} columns
 * whatever the names and numbers: column headings take two lines, a long strategy name wraps onto lines of its
 * own above its figures, and the prose lines wrap at words.
 */
final class SummaryTable {

    /** The widest line printed. */
    static final int MAX_WIDTH = 100;
    /** The strategy column: names longer than this wrap. */
    private static final int NAME_WIDTH = 24;
    private static final String VS_BASELINE = "  vs baseline";
    private static final String INTERVAL = "  95% interval";
    private static final String GAP = "  ";

    private SummaryTable() {
    }

    static void print(PrintWriter out, Scenario scenario, List<StrategyFigures> figures) {
        String currency = scenario.economics().currency();
        int replications = scenario.replications();
        out.println();
        wrap(String.format(Locale.ROOT, "%s — month %d, %d replication%s", scenario.name(), scenario.months(),
                replications, replications == 1 ? "" : "s"), MAX_WIDTH).forEach(out::println);
        out.println();
        for (String line : lines(figures, currency)) {
            out.println(line.stripTrailing());
        }
        out.println();
        if (figures.size() > 1) {
            String baseline = figures.get(0).strategy();
            String note = replications > 1
                    ? "Differences are to the baseline '" + baseline + "', paired by replication; the 95% interval is"
                            + " the difference ± the half-width shown."
                    : "Differences are to the baseline '" + baseline + "'; run with --replications 10 (or 'compare')"
                            + " for 95% intervals.";
            wrap(note, MAX_WIDTH).forEach(out::println);
        }
    }

    /** The table's lines, without the title and the note. */
    static List<String> lines(List<StrategyFigures> figures, String currency) {
        KeyFigure[] keys = KeyFigure.values();
        boolean differences = figures.size() > 1;
        boolean intervals = figures.stream().flatMap(f -> f.difference(keys[0]).stream())
                .anyMatch(PairedDifference::hasInterval);
        // Every cell first, then the widths from them.
        String[][] heads = new String[keys.length][];
        int[] width = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            heads[k] = twoLines(label(keys[k], currency));
            width[k] = Math.max(heads[k][0].length(), heads[k][1].length());
        }
        int nameWidth = Math.max("strategy".length(), differences ? INTERVAL.length() : 0);
        List<Row> rows = new ArrayList<>();
        for (StrategyFigures f : figures) {
            List<String> name = wrap(f.strategy(), NAME_WIDTH);
            for (String part : name) {
                nameWidth = Math.max(nameWidth, part.length());
            }
            String[] values = new String[keys.length];
            for (int k = 0; k < keys.length; k++) {
                values[k] = format(keys[k], f.finalValue(keys[k]).mean(), false);
            }
            rows.add(new Row(name, values));
            if (f.baseline() || !differences) {
                continue;
            }
            String[] delta = new String[keys.length];
            String[] halfWidth = new String[keys.length];
            for (int k = 0; k < keys.length; k++) {
                KeyFigure key = keys[k];
                Optional<PairedDifference> d = f.difference(key);
                delta[k] = d.map(x -> format(key, x.mean(), true)).orElse("n/a");
                halfWidth[k] = d.filter(PairedDifference::hasInterval)
                        .map(x -> "±" + format(key, (x.high() - x.low()) / 2, false).replace("%", "pp"))
                        .orElse("");
            }
            rows.add(new Row(List.of(VS_BASELINE), delta));
            if (intervals) {
                rows.add(new Row(List.of(INTERVAL), halfWidth));
            }
        }
        for (Row r : rows) {
            for (int k = 0; k < keys.length; k++) {
                width[k] = Math.max(width[k], r.cells[k].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (int line = 0; line < 2; line++) {
            StringBuilder b = new StringBuilder(pad(line == 0 ? "strategy" : "", nameWidth));
            for (int k = 0; k < keys.length; k++) {
                b.append(GAP).append(right(heads[k][line], width[k]));
            }
            lines.add(b.toString());
        }
        for (Row r : rows) {
            for (int i = 0; i < r.name.size() - 1; i++) {
                lines.add(r.name.get(i));
            }
            StringBuilder b = new StringBuilder(pad(r.name.get(r.name.size() - 1), nameWidth));
            for (int k = 0; k < keys.length; k++) {
                b.append(GAP).append(right(r.cells[k], width[k]));
            }
            lines.add(b.toString());
        }
        return lines;
    }

    /** One table row: the strategy column's text (one line, or several for a long name) and the figures. */
    private record Row(List<String> name, String[] cells) {
    }

    private static String label(KeyFigure k, String currency) {
        return k.unit() == KeyFigure.Unit.MONEY ? k.label() + " (" + currency + ")" : k.label();
    }

    /** A heading on two lines, split at the space that makes the longer line shortest; right-aligned. */
    static String[] twoLines(String label) {
        String[] best = {"", label};
        int bestWidth = label.length();
        for (int i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) {
            String top = label.substring(0, i);
            String bottom = label.substring(i + 1);
            int w = Math.max(top.length(), bottom.length());
            if (w < bestWidth) {
                bestWidth = w;
                best = new String[] {top, bottom};
            }
        }
        return best;
    }

    /**
     * {@code text} in lines of at most {@code width}: broken after a space, a hyphen or an underscore where
     * possible, otherwise (one long word) cut at the width.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = -1;
            for (int i = width; i > 0; i--) {
                char c = rest.charAt(i - 1);
                if (c == ' ' || c == '-' || c == '_') {
                    cut = i;
                    break;
                }
            }
            if (cut <= 0) {
                cut = width;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String right(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
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
