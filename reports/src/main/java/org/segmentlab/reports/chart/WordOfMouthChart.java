package org.segmentlab.reports.chart;

import java.util.List;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.segmentlab.reports.table.MonthlyBand;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Word of mouth as it drives acquisition (docs/model.md, stage 6), in six panels with one line per strategy: who
 * talks (promoters, detractors, net word of mouth), what that does to conversion (the reputation stock and the
 * damping factor exp(−κ · detractor share) on every channel), and what it brings (new customers by imitation and
 * by referral). Showing net word of mouth alone misled: it can be positive while the detractors still hold every
 * channel back.
 */
public final class WordOfMouthChart {
    public static final String ID = "word-of-mouth";
    /** The second chart of {@link #inTwo}: what word of mouth does to acquisition. */
    public static final String EFFECTS_ID = "word-of-mouth-effects";

    private static final String TALK_CAPTION = "Promoters and detractors among the active customers and net word of "
            + "mouth ((promoters \u2212 detractors) / active).";
    private static final String EFFECT_CAPTION = "The reputation, a slow stock that follows net word of mouth (up "
            + "slowly, down fast) and scales advertising and referral conversion; the damping factor exp(\u2212\u03ba "
            + "\u00d7 detractor share), which multiplies the conversion of every channel (advertising, imitation, "
            + "referrals; 1 = no damping, every extra detractor lowers it); and the customers won by word of mouth each "
            + "month (imitation plus converted referrals).";

    /** The panels' titles, in reading order (three on top, three below). */
    static final List<String> PANELS = List.of("Promoters", "Detractors", "Net word of mouth", "Reputation (\u22121 \u2026 1)",
            "Damping (1 = none)", "New by word of mouth");

    private WordOfMouthChart() {
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        List<JFreeChart> panels = panels(table);
        PanelGridPlot grid = new PanelGridPlot(panels, 3, Legends.strategies(table.strategies()));
        // the message as the title where the run has one; the neutral title then leads the subtitle
        java.util.Optional<String> message = MessageTitles.wordOfMouth(table);
        String title = message.orElse("Word of mouth and what it does to acquisition");
        String subtitle = (message.isPresent() ? "Word of mouth and what it does to acquisition \u00b7 " : "")
                + StrategyLines.bandNote(table.replications())
                + " · damping = exp(\u2212\u03ba \u00d7 detractor share), on every channel";
        JFreeChart chart = ChartStyle.chart(title, subtitle, grid, true);
        String caption = "Top: " + lowerFirst(TALK_CAPTION) + " Bottom: " + lowerFirst(EFFECT_CAPTION) + " One line per strategy; "
                + StrategyLines.bandCaption(table.replications()) + ".";
        return new ReportChart(ID, title, caption, chart);
    }

    /**
     * The same six panels as two charts of one row each — who talks, and what it does to acquisition — for a small
     * canvas (the workbench's 640 × 400), where two rows of panels under a title leave each plot a sliver.
     */
    public static List<ReportChart> inTwo(RunResult result) {
        MetricsTable table = result.metrics();
        List<JFreeChart> panels = panels(table);
        String bands = StrategyLines.bandNote(table.replications());
        String tail = " One line per strategy; " + StrategyLines.bandCaption(table.replications()) + ".";
        java.util.Optional<String> message = MessageTitles.wordOfMouth(table);
        JFreeChart talk = ChartStyle.chart(message.orElse("Who talks about us"),
                (message.isPresent() ? "Who talks about us \u00b7 " : "") + bands,
                new PanelGridPlot(panels.subList(0, 3), 3, Legends.strategies(table.strategies())), true);
        JFreeChart effect = ChartStyle.chart("What word of mouth does to acquisition",
                bands + " · damping = exp(\u2212\u03ba \u00d7 detractor share), on every channel",
                new PanelGridPlot(panels.subList(3, 6), 3, Legends.strategies(table.strategies())), true);
        return List.of(new ReportChart(ID, talk.getTitle().getText(), TALK_CAPTION + tail, talk),
                new ReportChart(EFFECTS_ID, "What word of mouth does to acquisition", EFFECT_CAPTION + tail, effect));
    }

    private static String lowerFirst(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The six panels, in reading order. */
    private static List<JFreeChart> panels(MetricsTable table) {
        JFreeChart promoters = panel(table, PANELS.get(0), Metric.PROMOTERS, Formats.compactTicks(), false);
        JFreeChart detractors = panel(table, PANELS.get(1), Metric.DETRACTORS, Formats.compactTicks(), false);
        JFreeChart net = panel(table, PANELS.get(2), Metric.NET_WOM, Formats.percentTicks(), false);
        net.getXYPlot().addRangeMarker(ChartStyle.zeroLine());
        JFreeChart reputation = panel(table, PANELS.get(3), Metric.REPUTATION, Formats.decimalTicks(), true);
        reputation.getXYPlot().addRangeMarker(ChartStyle.zeroLine());
        JFreeChart damping = panel(table, PANELS.get(4), Metric.WOM_DAMPING, Formats.decimalTicks(), true);
        dampingAxis(damping.getXYPlot());
        // word of mouth brings customers two ways: imitation (Bass q) and referrals that convert
        List<String> byWord = List.of(Metric.ACQUIRED_WOM.key(), Metric.ACQUIRED_REFERRAL.key());
        JFreeChart acquired = panel(table, PANELS.get(5), strategy -> MonthlyBand.ofSum(table, strategy, byWord), Formats.compactTicks(), true, 1);
        acquired.getXYPlot().getRangeAxis().setLowerBound(0);
        return List.of(promoters, detractors, net, reputation, damping, acquired);
    }

    private static JFreeChart panel(MetricsTable table, String title, Metric metric, TickUnitSource ticks, boolean monthLabel) {
        return panel(table, title, strategy -> MonthlyBand.of(table, strategy, metric.key()), ticks, monthLabel, 0);
    }

    private static JFreeChart panel(MetricsTable table, String title, Function<String, MonthlyBand> band, TickUnitSource ticks,
            boolean monthLabel, int firstMonth) {
        NumberAxis y = ChartStyle.valueAxis(null, ticks);
        y.setAutoRangeIncludesZero(true); // counts and shares from zero (the damping panel sets its own range)
        XYPlot plot = StrategyLines.plot(table, band, y, firstMonth);
        if (!monthLabel) {
            plot.getDomainAxis().setLabel(null);
        }
        return StrategyLines.panel(title, plot);
    }

    /**
     * The damping factor is at most 1 (no detractors): the axis ends at 1 with a reference line there, so a
     * line near the top reads as "little damping" rather than filling the panel with noise.
     */
    private static void dampingAxis(XYPlot plot) {
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        Range data = plot.getDataRange(axis);
        double low = data == null ? Double.NaN : data.getLowerBound();
        // at least 0.1 of height, so a nearly undamped market shows as a flat line just under 1
        double lower = Double.isFinite(low) ? Math.max(0, Math.min(0.9, low - 0.05 * (1 - low))) : 0;
        axis.setRange(lower, 1.0);
        plot.addRangeMarker(new ValueMarker(1.0, Palette.GREY, ChartStyle.ZERO_STROKE));
    }
}
