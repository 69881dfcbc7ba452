package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.YIntervalRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.segmentlab.simulator.analysis.ExplanationRow;
import org.segmentlab.simulator.scenario.Mechanism;

/**
 * Which mechanism carries each strategy's advantage ({@code segmentlab explain}): one row per mechanism, the one that
 * carries most on top; per strategy a bar of the share of its advantage over the baseline that is lost when the
 * mechanism is switched off, with its 95% interval over the paired replications as a whisker; lines at 0% and 100%.
 * The message title names the mechanism that carries most. Strategies whose advantage may be 0 (its interval includes
 * 0) are left out: their shares divide by almost nothing.
 */
public final class ExplainChart {
    public static final String ID = "explain";

    private static final double ROW_HEIGHT = 0.7;

    private ExplainChart() {
    }

    /**
     * @param rows     the explanation (non-empty)
     * @param baseline the strategy the advantages are measured against
     */
    public static ReportChart of(List<ExplanationRow> all, String baseline) {
        // A share of an advantage that may be 0 is noise: only the strategies whose advantage is clear are drawn.
        List<ExplanationRow> rows = all.stream().filter(r -> r.advantageClear() && Double.isFinite(r.carried().mean())).toList();
        if (rows.isEmpty()) {
            return unclear(all, baseline);
        }
        List<String> strategies = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(ExplanationRow::strategy).toList()));
        Map<Mechanism, Double> largest = new LinkedHashMap<>();
        for (ExplanationRow r : rows) {
            double share = Double.isFinite(r.carried().mean()) ? r.carried().mean() : Double.NEGATIVE_INFINITY;
            largest.merge(r.mechanism(), share, Math::max);
        }
        // Most carried on top: the domain axis runs upwards, so the largest gets the highest row.
        List<Mechanism> order = new ArrayList<>(largest.keySet());
        order.sort(Comparator.comparing((Mechanism m) -> largest.get(m)));
        String[] labels = order.stream().map(Mechanism::label).toArray(String[]::new);
        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        XYIntervalSeriesCollection whiskers = new XYIntervalSeriesCollection();
        double width = ROW_HEIGHT / strategies.size();
        for (int s = 0; s < strategies.size(); s++) {
            XYIntervalSeries bar = new XYIntervalSeries(strategies.get(s));
            XYIntervalSeries whisker = new XYIntervalSeries(strategies.get(s) + " interval");
            for (ExplanationRow r : rows) {
                if (!r.strategy().equals(strategies.get(s)) || !Double.isFinite(r.carried().mean())) {
                    continue;
                }
                // Strategies side by side within a mechanism's row, the first on top.
                double centre = order.indexOf(r.mechanism()) + ROW_HEIGHT / 2 - width * (s + 0.5);
                double share = r.carried().mean();
                bar.add(centre, centre - width * 0.45, centre + width * 0.45, share, Math.min(0, share), Math.max(0, share));
                if (Double.isFinite(r.carried().low())) {
                    whisker.add(centre, centre, centre, share, r.carried().low(), r.carried().high());
                }
            }
            bars.addSeries(bar);
            whiskers.addSeries(whisker);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        YIntervalRenderer intervals = new YIntervalRenderer();
        for (int s = 0; s < strategies.size(); s++) {
            // Strategy colours skip the baseline's, as in the other charts.
            renderer.setSeriesPaint(s, Palette.withAlpha(Palette.strategy(s + 1), 220));
            intervals.setSeriesPaint(s, Palette.INK);
            // A short cap across the whisker at each end, the same for every strategy.
            intervals.setSeriesShape(s, new java.awt.geom.Rectangle2D.Double(-1, -6, 2, 12));
            intervals.setSeriesVisibleInLegend(s, false);
        }
        SymbolAxis mechanisms = new SymbolAxis(null, labels);
        mechanisms.setGridBandsVisible(false);
        ChartStyle.styleAxis(mechanisms);
        NumberAxis share = new NumberAxis("Share of the advantage over \u201c" + baseline + "\u201d it carries");
        share.setStandardTickUnits(Formats.percentTicks());
        share.setAutoRangeIncludesZero(true);
        XYPlot plot = ChartStyle.xyPlot(mechanisms, share, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDataset(0, bars);
        plot.setDataset(1, whiskers);
        plot.setRenderer(1, intervals);
        plot.setDomainGridlinesVisible(false);
        plot.addRangeMarker(new ValueMarker(0, Palette.INK, ChartStyle.ZERO_STROKE));
        plot.addRangeMarker(new ValueMarker(1, Palette.GREY, ChartStyle.GRID_STROKE));
        String title = title(rows, baseline);
        boolean replicated = rows.stream().anyMatch(r -> r.carried().n() > 1);
        String subtitle = "Share of the cumulative-profit advantage lost with the mechanism switched off (same seed) \u00b7 "
                + (replicated ? "whiskers: 95% interval" : "no interval: 1 replication")
                + " \u00b7 shares need not add up to 100%: mechanisms interact";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, strategies.size() > 1);
        String caption = "For each strategy, 1 \u2212 (advantage over " + baseline + " with the mechanism switched off) / "
                + "(advantage with every mechanism on), cumulative profit at the last month, means over the paired "
                + "replications. Above 100%: without the mechanism the strategy would lose; below 0%: it works against it.";
        return new ReportChart(ID, title, caption, chart);
    }

    /**
     * The message: the mechanism carrying the largest share of a positive advantage, or (when no strategy beats the
     * baseline, or nothing carries a positive share) the one whose switch moves a difference most.
     */
    static String title(List<ExplanationRow> rows, String baseline) {
        Optional<ExplanationRow> carries = rows.stream().filter(r -> r.advantage().mean() > 0 && r.carried().mean() > 0)
                .max(Comparator.comparingDouble(r -> r.carried().mean()));
        if (carries.isPresent()) {
            ExplanationRow top = carries.get();
            return capitalised(top.mechanism().label()) + " carries " + percent(top.carried().mean())
                    + " of the advantage of \u201c" + top.strategy() + "\u201d over \u201c" + baseline + "\u201d";
        }
        ExplanationRow top = rows.stream().max(Comparator.comparingDouble(r -> Math.abs(r.carried().mean()))).orElseThrow();
        return "Switching off " + top.mechanism().label() + " moves the difference of \u201c" + top.strategy()
                + "\u201d to \u201c" + baseline + "\u201d most: " + Formats.compact(top.advantage().mean(), true) + " \u2192 "
                + Formats.compact(top.advantageOff().mean(), true);
    }

    /** No strategy's advantage is clear of 0: an empty plot whose title says so and what to do. */
    private static ReportChart unclear(List<ExplanationRow> all, String baseline) {
        SymbolAxis mechanisms = new SymbolAxis(null, all.stream().map(r -> r.mechanism().label()).distinct().toArray(String[]::new));
        ChartStyle.styleAxis(mechanisms);
        NumberAxis share = new NumberAxis("Share of the advantage over \u201c" + baseline + "\u201d it carries");
        share.setStandardTickUnits(Formats.percentTicks());
        share.setRange(0, 1);
        XYPlot plot = ChartStyle.xyPlot(mechanisms, share, new XYBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setDataset(new XYIntervalSeriesCollection());
        String title = "No strategy's advantage over \u201c" + baseline + "\u201d is clear of zero: nothing to explain yet";
        String subtitle = "The 95% interval of every advantage includes 0 \u00b7 run more replications (-r) to tell";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
        return new ReportChart(ID, title, "No share is drawn: every strategy's advantage over " + baseline
                + " may be 0, and a share of 0 is noise.", chart);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%s%%", Formats.pattern("0").format(share * 100));
    }
}
