package org.segmentlab.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.segmentlab.model.classify.ConfusionMatrix;

/**
 * Prints what {@code accuracy} measured, as plain text for the console (at most {@value #WIDTH} columns) or as
 * Markdown for the docs: per month a line with accuracy and macro-F1 and a table of segment, customers labelled,
 * true members, precision and recall; for a terminating strategy, the table of who it ended and a one-line
 * summary. Counts are per replication (means when there are several); scores come from the counts of every
 * replication added up.
 */
final class AccuracyReport {

    static final int WIDTH = SummaryTable.MAX_WIDTH;

    private final PrintWriter out;
    private final boolean markdown;

    AccuracyReport(PrintWriter out, boolean markdown) {
        this.out = out;
        this.markdown = markdown;
    }

    /** The heading of one scenario: its name, file, taxonomy, strategy and replications. */
    void heading(String name, String file, String taxonomy, String strategy, int replications) {
        String about = String.format(Locale.ROOT, "%s: taxonomy %s, strategy %s, %d replication%s%s.",
                code(file), code(taxonomy), code(strategy), replications, replications == 1 ? "" : "s",
                replications == 1 ? "" : " (counts are means per replication)");
        if (markdown) {
            out.println("#### " + name);
        } else {
            prose(name);
            prose("=".repeat(Math.min(WIDTH, name.length())));
        }
        out.println();
        prose(about);
        out.println();
    }

    /** A scenario that cannot be scored. */
    void noTruth(String name, String file) {
        if (markdown) {
            out.println("#### " + name);
            out.println();
        }
        prose(code(file) + ": the scenario has no truth: (which segment each archetype should land in), so there is"
                + " nothing to score.");
        out.println();
    }

    /** The classifier against the truth at one month. */
    void month(int month, ConfusionMatrix m, int replications) {
        prose(String.format(Locale.ROOT, "Month %d: accuracy %s, macro-F1 %s.", month, score(m.accuracy()),
                score(m.macroF1())));
        out.println();
        List<String[]> rows = new ArrayList<>();
        int k = m.segments().size();
        for (int s = 0; s < k; s++) {
            long labelled = 0;
            long members = 0;
            for (int i = 0; i < k; i++) {
                labelled += m.count(i, s);
                members += m.count(s, i);
            }
            rows.add(new String[] {m.segments().get(s), count(labelled, replications), count(members, replications),
                score(m.precision(s)), score(m.recall(s))});
        }
        table(List.of("segment", "labelled", "true members", "precision", "recall"), rows);
        out.println();
    }

    /**
     * Who a terminating strategy ended, month by month, by true segment.
     *
     * @param terminated   the terminated segments' indices
     * @param truthColumns the segments some archetype truly belongs to, in the order shown
     * @param months       the months in which anyone was ended
     * @param last         the run's last month
     */
    void fired(List<String> segments, List<Integer> terminated, List<Integer> truthColumns,
               List<SegmentAccuracy.Fired> months, int last, int replications, String strategy) {
        List<String> names = terminated.stream().map(segments::get).toList();
        prose("Who " + code(strategy) + " ended: at month t it ends the customers labelled " + String.join(" or ",
                names.stream().map(this::code).toList()) + " at month t − 1; each column counts those"
                + " whose archetype truly belongs to that segment.");
        out.println();
        List<String> headers = new ArrayList<>(List.of("month", "ended"));
        truthColumns.forEach(s -> headers.add("true " + segments.get(s)));
        boolean spared = months.stream().anyMatch(f -> f.spared() > 0);
        if (spared) {
            headers.add("spared");
        }
        List<String[]> rows = new ArrayList<>();
        long ended = 0;
        long[] total = new long[segments.size()];
        long sparedTotal = 0;
        for (SegmentAccuracy.Fired f : months) {
            rows.add(row(Integer.toString(f.month()), f.ended(), f.byTruth(), f.spared(), truthColumns, spared,
                    replications));
            ended += f.ended();
            sparedTotal += f.spared();
            for (int s = 0; s < total.length; s++) {
                total[s] += f.byTruth()[s];
            }
        }
        rows.add(row("total", ended, total, sparedTotal, truthColumns, spared, replications));
        table(headers, rows);
        out.println();
        long labelled = 0;
        long right = 0;
        for (int s = 0; s < total.length; s++) {
            labelled += total[s];
            if (terminated.contains(s)) {
                right += total[s];
            }
        }
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT, "Terminated %s over months 1–%d",
                count(ended, replications), last));
        if (labelled > 0) {
            summary.append(String.format(Locale.ROOT, ", of which %s truly %s (%.1f%%)", count(right, replications),
                    String.join(" or ", names), 100.0 * right / labelled));
            List<String> others = new ArrayList<>();
            for (int s : truthColumns) {
                if (!terminated.contains(s) && total[s] > 0) {
                    others.add(segments.get(s) + " " + count(total[s], replications));
                }
            }
            if (!others.isEmpty()) {
                summary.append("; the others truly ").append(String.join(", ", others));
            }
        }
        summary.append('.');
        if (sparedTotal > 0) {
            summary.append(" A binding budget spared ").append(count(sparedTotal, replications))
                    .append(" of those labelled; the true segments count everyone labelled.");
        }
        prose(summary.toString());
        out.println();
    }

    private static String[] row(String month, long ended, long[] byTruth, long spared, List<Integer> columns,
                                boolean withSpared, int replications) {
        List<String> cells = new ArrayList<>(List.of(month, count(ended, replications)));
        columns.forEach(s -> cells.add(count(byTruth[s], replications)));
        if (withSpared) {
            cells.add(count(spared, replications));
        }
        return cells.toArray(String[]::new);
    }

    /** The segments some archetype truly belongs to: the terminated first, then the others in taxonomy order. */
    static List<Integer> truthColumns(int[] truth, List<Integer> terminated) {
        TreeSet<Integer> present = new TreeSet<>();
        for (int t : truth) {
            if (t >= 0) {
                present.add(t);
            }
        }
        List<Integer> columns = new ArrayList<>(terminated.stream().filter(present::contains).toList());
        present.stream().filter(s -> !columns.contains(s)).forEach(columns::add);
        return columns;
    }

    private void table(List<String> headers, List<String[]> rows) {
        if (!markdown) {
            ConsoleTable.render(headers, 1, rows, WIDTH).forEach(out::println);
            return;
        }
        out.println("| " + String.join(" | ", headers) + " |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (int c = 1; c < headers.size(); c++) {
            rule.append(" ---: |");
        }
        out.println(rule);
        for (String[] r : rows) {
            out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private void prose(String text) {
        if (markdown) {
            out.println(text);
        } else {
            SummaryTable.wrap(text, WIDTH).forEach(out::println);
        }
    }

    private String code(String text) {
        return markdown ? "`" + text + "`" : text;
    }

    /** A count per replication: the total when there is one, the rounded mean otherwise. */
    static String count(long total, int replications) {
        return String.format(Locale.ROOT, "%,d", Math.round((double) total / replications));
    }

    /** A score to two decimals; n/a when undefined (no one labelled, or no true member). */
    static String score(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
    }
}
