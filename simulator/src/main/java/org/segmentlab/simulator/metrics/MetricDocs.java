package org.segmentlab.simulator.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The docs table of the metrics of {@code metrics.csv}, derived from {@link Metric}: every fixed metric with its
 * unit and description, in output order, then the per-scenario ones (segment counts, classifier scores). {@code docs/model.md}
 * holds it between {@code <!-- declared:metrics:begin -->} and {@code <!-- declared:metrics:end -->}; a test keeps it
 * in step ({@code docs/regenerate-declarations.sh} rewrites it).
 */
public final class MetricDocs {

    /** The table's name, as in the page's markers. */
    public static final String TABLE = "metrics";
    /** The page that holds it, from the repository's root. */
    public static final String PAGE = "docs/model.md";

    private MetricDocs() {
    }

    /** The table, one Markdown line per metric. */
    public static List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("| metric | unit | meaning |");
        lines.add("| --- | --- | --- |");
        for (Metric m : Metric.values()) {
            lines.add(row("`" + m.key() + "`", m.unit().words(), m.description()));
        }
        lines.add(row("`" + Metric.segmentKey("<name>") + "`", Metric.Unit.COUNT.words(), "active customers the classifier puts in the segment, one "
                + "metric per segment of the taxonomy, in its order"));
        lines.add(row("`" + Metric.CLASSIFIER_ACCURACY + "`", Metric.unitOf(Metric.CLASSIFIER_ACCURACY).words(), "with a `truth:` mapping only: share of the active customers "
                + "the classifier puts in their archetype's true segment"));
        lines.add(row("`" + Metric.CLASSIFIER_MACRO_F1 + "`", Metric.unitOf(Metric.CLASSIFIER_MACRO_F1).words(), "with a `truth:` mapping only: the classifier's macro-F1 "
                + "against the true segments (the unweighted mean of the per-segment F1 over the segments that occur)"));
        return lines;
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
