package org.segmentlab.reports.chart;

import java.util.List;
import java.util.Optional;

import org.segmentlab.reports.table.PairedDifference;
import org.segmentlab.reports.table.PairedDifferences;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * Chart titles that state the message ("textbook ends 7.7M EUR ahead of baseline") where the run gives a clear
 * one, so a chart pasted into a deck says what to see; the metric then goes to the subtitle. "Clear" means: two or
 * more strategies, and the leading difference to the baseline at the last month is not zero as shown and its 95%
 * interval (when there are replications) excludes zero. Otherwise each chart keeps its neutral title.
 */
final class MessageTitles {

    private MessageTitles() {
    }

    /**
     * Who ends ahead on a metric at the last month, by how much: a strategy ahead of the baseline (the strategy
     * furthest ahead), or the baseline ahead of every strategy (then {@code trailer} is the closest one).
     *
     * @param leader      the strategy ahead
     * @param trailer     the strategy behind (the baseline, or the closest strategy when the baseline leads)
     * @param amount      how far ahead, in the metric's unit, positive
     * @param closestOfMany whether {@code trailer} is the closest of several strategies the baseline beats
     */
    record Lead(String leader, String trailer, double amount, boolean closestOfMany) {

        /** Whether the baseline is the one ahead. */
        boolean baselineLeads(MetricsTable table) {
            return leader.equals(table.strategies().get(0));
        }

        /** "baseline", "textbook" or "the closest strategy, textbook". */
        String trailerPhrase() {
            return closestOfMany ? "the closest strategy, " + trailer : trailer;
        }
    }

    /** The clear lead on {@code metric} at the last month, if there is one. */
    static Optional<Lead> lead(MetricsTable table, String metric) {
        List<String> strategies = table.strategies();
        if (strategies.size() < 2) {
            return Optional.empty();
        }
        PairedDifference best = null;
        for (int s = 1; s < strategies.size(); s++) {
            PairedDifference d = PairedDifferences.of(table, strategies.get(s), metric);
            if (Double.isFinite(d.mean()) && (best == null || d.mean() > best.mean())) {
                best = d;
            }
        }
        if (best == null || best.mean() == 0 || best.containsZero()) {
            return Optional.empty();
        }
        if (best.mean() > 0) {
            return Optional.of(new Lead(best.strategy(), strategies.get(0), best.mean(), false));
        }
        return Optional.of(new Lead(strategies.get(0), best.strategy(), -best.mean(), strategies.size() > 2));
    }

    /** Profit: "textbook ends 7.7M EUR ahead of baseline", or empty. */
    static Optional<String> profit(MetricsTable table, String currency) {
        return lead(table, Metric.PROFIT_CUMULATIVE.key()).flatMap(lead -> money(lead.amount(), currency)
                .map(amount -> lead.leader() + " ends " + amount + " ahead of " + lead.trailerPhrase()));
    }

    /** Retention: "service-recovery keeps 2.6 points more of its month-0 customers than baseline", or empty. */
    static Optional<String> retention(MetricsTable table) {
        return lead(table, Metric.RETENTION_INITIAL.key()).flatMap(lead -> points(lead.amount())
                .map(points -> lead.leader() + " keeps " + points + " more of its month-0 customers than " + lead.trailerPhrase()));
    }

    /** Net word of mouth: "textbook ends with 4.1 points more net word of mouth than baseline", or empty. */
    static Optional<String> wordOfMouth(MetricsTable table) {
        return lead(table, Metric.NET_WOM.key()).flatMap(lead -> points(lead.amount())
                .map(points -> lead.leader() + " ends with " + points + " more net word of mouth than " + lead.trailerPhrase()));
    }

    /**
     * The Pareto share across strategies at the last month: "Top 20% of customers hold 71–72% of revenue in every
     * strategy" (at the last month) when the strategies lie within 2 points, else the most and least concentrated; empty with one
     * strategy or no finite share.
     */
    static Optional<String> top20Share(MetricsTable table) {
        List<String> strategies = table.strategies();
        if (strategies.size() < 2) {
            return Optional.empty();
        }
        String most = null;
        String least = null;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        for (String strategy : strategies) {
            double share = MeanInterval.of(table.finalValues(strategy, Metric.TOP20_SHARE.key())).mean();
            if (!Double.isFinite(share)) {
                return Optional.empty();
            }
            if (share > high) {
                high = share;
                most = strategy;
            }
            if (share < low) {
                low = share;
                least = strategy;
            }
        }
        String lowText = Formats.pattern("0").format(100 * low);
        String highText = Formats.pattern("0").format(100 * high);
        if (100 * (high - low) < 2) {
            String range = lowText.equals(highText) ? "about " + lowText + "%" : lowText + "\u2013" + highText + "%";
            return Optional.of("Top 20% of customers hold " + range + " of revenue in every strategy");
        }
        return Optional.of("Revenue is most concentrated under " + most + ": the top 20% hold " + highText + "%, against "
                + lowText + "% under " + least);
    }

    /**
     * The paired differences in one line: who is ahead of the baseline on profit and on retention ("textbook leads
     * baseline: +7.7M EUR profit, +2.6 points retention"), or that the baseline stays ahead on both; empty when
     * neither has a clear lead.
     */
    static Optional<String> differences(MetricsTable table, String currency) {
        String baseline = table.strategies().get(0);
        Optional<Lead> profit = lead(table, Metric.PROFIT_CUMULATIVE.key()).filter(l -> money(l.amount(), currency).isPresent());
        Optional<Lead> retention = lead(table, Metric.RETENTION_INITIAL.key()).filter(l -> points(l.amount()).isPresent());
        Optional<Lead> profitAhead = profit.filter(l -> !l.baselineLeads(table));
        Optional<Lead> retentionAhead = retention.filter(l -> !l.baselineLeads(table));
        if (profitAhead.isPresent() && retentionAhead.isPresent()) {
            Lead p = profitAhead.get();
            Lead r = retentionAhead.get();
            String profitText = "+" + money(p.amount(), currency).orElseThrow();
            String retentionText = "+" + points(r.amount()).orElseThrow();
            if (p.leader().equals(r.leader())) {
                return Optional.of(p.leader() + " leads " + baseline + ": " + profitText + " profit, " + retentionText + " retention");
            }
            return Optional.of("Over " + baseline + ": " + p.leader() + " leads on profit (" + profitText + "), " + r.leader()
                    + " on retention (" + retentionText + ")");
        }
        if (profitAhead.isPresent()) {
            return profit(table, currency);
        }
        if (retentionAhead.isPresent()) {
            return retention(table);
        }
        if (profit.isPresent() && retention.isPresent()) {
            return Optional.of(baseline + " stays ahead of every strategy on profit and retention");
        }
        return Optional.empty();
    }

    /** "7.7M EUR", or empty when the amount shows as zero. */
    private static Optional<String> money(double amount, String currency) {
        String text = Formats.compact(amount, false);
        return text.equals("0") ? Optional.empty() : Optional.of(text + " " + currency);
    }

    /** A share difference as "2.6 points", or empty when it shows as zero. */
    private static Optional<String> points(double shareDifference) {
        String text = Formats.pattern("0.0").format(100 * shareDifference);
        return text.equals("0.0") ? Optional.empty() : Optional.of(text + (text.equals("1.0") ? " point" : " points"));
    }
}
