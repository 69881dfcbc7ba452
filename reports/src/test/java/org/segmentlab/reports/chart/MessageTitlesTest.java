package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.Fixtures;
import org.segmentlab.reports.FourTypesScenario;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Titles state the message where the run has a clear one: the right leader and amount, computed here from the
 * metrics of a small real run of the four-types market; the metric then in the subtitle; neutral titles with one
 * strategy or when the interval says there is no clear difference.
 */
class MessageTitlesTest {
    private static RunResult real;

    @BeforeAll
    static void run() {
        real = Simulator.run(FourTypesScenario.of(2_000, 12, 4, 42), RunOptions.threads(2));
    }

    /** The strategy furthest ahead of the baseline on {@code metric}: name, mean paired difference, interval. */
    private record Best(String strategy, MeanInterval difference) {
    }

    private static Best best(MetricsTable table, String metric) {
        Best best = null;
        double[] base = table.finalValues("baseline", metric);
        for (String s : table.strategies().subList(1, table.strategies().size())) {
            double[] values = table.finalValues(s, metric);
            double[] d = new double[values.length];
            for (int r = 0; r < d.length; r++) {
                d[r] = values[r] - base[r];
            }
            MeanInterval i = MeanInterval.of(d);
            if (best == null || i.mean() > best.difference().mean()) {
                best = new Best(s, i);
            }
        }
        return best;
    }

    private static String title(ReportChart chart) {
        assertThat(chart.chart().getTitle().getText()).isEqualTo(chart.title());
        return chart.title();
    }

    private static String subtitle(ReportChart chart) {
        return ((org.jfree.chart.title.TextTitle) chart.chart().getSubtitle(1)).getText();
    }

    @Test
    void profitTitleNamesTheLeaderAndHowFarAheadItEnds() {
        Best best = best(real.metrics(), Metric.PROFIT_CUMULATIVE.key());
        // the four-types market has a clear profit leader after a year: the message path is exercised
        assertThat(best.difference().low()).isGreaterThan(0);
        ReportChart chart = ProfitChart.of(real);
        assertThat(title(chart)).isEqualTo(best.strategy() + " ends " + Formats.compact(best.difference().mean(), false) + " EUR ahead of baseline");
        assertThat(subtitle(chart)).startsWith("Profit per month and cumulative profit (EUR)");
    }

    @Test
    void retentionTitleNamesTheLeaderAndThePoints() {
        Best best = best(real.metrics(), Metric.RETENTION_INITIAL.key());
        ReportChart chart = RetentionChart.of(real);
        if (best.difference().low() > 0) {
            String points = Formats.pattern("0.0").format(100 * best.difference().mean());
            assertThat(title(chart)).isEqualTo(best.strategy() + " keeps " + points + " points more of its month-0 customers than baseline");
            assertThat(subtitle(chart)).startsWith("Retention of the month-0 customers");
        } else {
            assertThat(title(chart)).isEqualTo("Retention of the initial customers");
        }
    }

    @Test
    void wordOfMouthTitleNamesWhoEndsWithTheMostNetWordOfMouth() {
        Best best = best(real.metrics(), Metric.NET_WOM.key());
        ReportChart chart = WordOfMouthChart.of(real);
        double mean = best.difference().mean();
        if (best.difference().low() > 0) {
            String points = Formats.pattern("0.0").format(100 * mean);
            assertThat(title(chart)).isEqualTo(best.strategy() + " ends with " + points + " points more net word of mouth than baseline");
        } else if (best.difference().high() < 0) {
            assertThat(title(chart)).startsWith("baseline ends with ").contains(best.strategy());
        } else {
            assertThat(title(chart)).isEqualTo("Word of mouth and what it does to acquisition");
        }
    }

    @Test
    void differencesTitleSaysWhoIsAheadOnProfitAndRetention() {
        MetricsTable table = real.metrics();
        Best profit = best(table, Metric.PROFIT_CUMULATIVE.key());
        Best retention = best(table, Metric.RETENTION_INITIAL.key());
        String title = title(PairedDifferenceChart.of(real));
        String profitText = "+" + Formats.compact(profit.difference().mean(), false) + " EUR";
        // in this run both leads are clear
        assertThat(profit.difference().low()).isGreaterThan(0);
        assertThat(retention.difference().low()).isGreaterThan(0);
        String retentionText = "+" + Formats.pattern("0.0").format(100 * retention.difference().mean()) + " points";
        if (profit.strategy().equals(retention.strategy())) {
            assertThat(title).isEqualTo(profit.strategy() + " leads baseline: " + profitText + " profit, " + retentionText + " retention");
        } else {
            assertThat(title).isEqualTo("Over baseline: " + profit.strategy() + " leads on profit (" + profitText + "), "
                    + retention.strategy() + " on retention (" + retentionText + ")");
        }
    }

    @Test
    void topTwentyTitleGivesTheRangeOfSharesAcrossStrategies() {
        MetricsTable table = real.metrics();
        double low = 1;
        double high = 0;
        for (String s : table.strategies()) {
            double share = MeanInterval.of(table.finalValues(s, Metric.TOP20_SHARE.key())).mean();
            low = Math.min(low, share);
            high = Math.max(high, share);
        }
        String title = title(Top20ShareChart.of(real));
        assertThat(title).contains(Formats.pattern("0").format(100 * high) + "%");
        if (high - low < 0.02) {
            assertThat(title).endsWith("of revenue in every strategy");
        }
    }

    @Test
    void theBaselineAheadOfTheOnlyStrategyIsSaidSo() {
        RunResult base = SyntheticRun.of(2, 4, 12, 3);
        double[] behind = {-5_000, -5_200, -4_800, -5_000};
        RunResult run = Fixtures.withMetrics(base, Fixtures.shiftFinal(base.metrics(), Metric.PROFIT_CUMULATIVE.key(), behind));
        assertThat(title(ProfitChart.of(run))).isEqualTo("baseline ends 5k EUR ahead of textbook");
    }

    @Test
    void anIntervalAcrossZeroOrASingleStrategyKeepsTheNeutralTitle() {
        RunResult base = SyntheticRun.of(2, 4, 12, 3);
        double[] noise = {1_000, -1_000, 500, -500};
        RunResult run = Fixtures.withMetrics(base, Fixtures.shiftFinal(base.metrics(), Metric.PROFIT_CUMULATIVE.key(), noise));
        assertThat(title(ProfitChart.of(run))).isEqualTo("Profit (EUR)");
        RunResult one = Fixtures.renameStrategies(SyntheticRun.of(1, 2, 12, 3), List.of("only"));
        assertThat(title(ProfitChart.of(one))).isEqualTo("Profit (EUR)");
        assertThat(title(RetentionChart.of(one))).isEqualTo("Retention of the initial customers");
        assertThat(title(Top20ShareChart.of(one))).isEqualTo("Revenue held by the top 20% of customers");
        assertThat(title(WordOfMouthChart.of(one))).isEqualTo("Word of mouth and what it does to acquisition");
    }
}
