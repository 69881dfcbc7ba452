package org.segmentlab.simulator.experiment;

import java.util.Arrays;
import java.util.Locale;

import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * What tuning optimises: one metric at the last month, of one strategy, averaged over replications, and whether
 * more is better. Top-20% share is maximised by default like the others (a concentrated base); minimise it with
 * {@link #minimised()} for a broad one.
 */
public record Objective(Kind kind, String strategy, boolean maximise) {

    /** The objectives the issue names, by their metric; the CLI name is the constant's, in lower case with hyphens. */
    public enum Kind {
        PROFIT(Metric.PROFIT_CUMULATIVE.key()),
        RETENTION(Metric.RETENTION_INITIAL.key()),
        TOP20(Metric.TOP20_SHARE.key()),
        MACRO_F1(Metric.CLASSIFIER_MACRO_F1);

        final String key;
        final String metric;

        Kind(String metric) {
            this.key = name().toLowerCase(Locale.ROOT).replace('_', '-');
            this.metric = metric;
        }

        /** The CLI name: {@code profit}, {@code retention}, {@code top20}, {@code macro-f1}. */
        public String key() {
            return key;
        }

        public String metric() {
            return metric;
        }

        /** By CLI name ({@code profit}, {@code retention}, {@code top20}, {@code macro-f1}) or metric name. */
        public static Kind parse(String s) {
            String k = s.trim().toLowerCase(Locale.ROOT);
            for (Kind kind : values()) {
                if (kind.key.equals(k) || kind.metric.equals(k)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown objective '" + s + "'; allowed: "
                    + String.join(", ", Arrays.stream(values()).map(Kind::key).toList()));
        }
    }

    /** Maximise {@code kind} for {@code strategy} (null: the scenario's first strategy). */
    public static Objective of(Kind kind, String strategy) {
        return new Objective(kind, strategy, true);
    }

    public Objective minimised() {
        return new Objective(kind, strategy, false);
    }

    /** The metric's last-month value for each replication. */
    public double[] values(MetricsTable m) {
        String s = strategy != null ? strategy : m.strategies().get(0);
        if (!m.metrics().contains(kind.metric)) {
            throw new IllegalArgumentException("the run has no metric " + kind.metric
                    + (kind == Kind.MACRO_F1 ? " (macro-F1 needs a truth: section mapping archetypes to segments)" : ""));
        }
        return m.finalValues(s, kind.metric);
    }

    @Override
    public String toString() {
        return (maximise ? "max " : "min ") + kind.metric + (strategy == null ? "" : " of " + strategy);
    }
}
